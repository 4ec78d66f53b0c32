// Enhancements only (every page reads and browses without it): a copy button on each citation and on each
// paragraph's link, copying the text or the paragraph's full address.
"use strict";

/** Copies `text`, then says so on the button for a moment (and to screen readers, through the live region). */
async function copy(button, text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied.";
    button.dataset.copied = "true";
  } catch {
    status.textContent = "Could not copy: select the text and copy it instead.";
  }
  setTimeout(() => {
    delete button.dataset.copied;
    status.textContent = "";
  }, 2500);
}

window.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard) return;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.append(status);

  // "Cite this": one button per style and format.
  for (const target of document.querySelectorAll("[data-copy]")) {
    const label = target.closest(".cite__style")?.querySelector("dt")?.textContent ?? target.closest("details")?.querySelector("summary")?.textContent ?? "citation";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", `Copy ${label.trim()}`);
    const text = target.textContent.trim();
    button.addEventListener("click", () => copy(button, text, status));
    // Inside a <dd> (a <dl> holds only its groups), after a <pre>.
    if (target.tagName === "DD") target.append(" ", button);
    else target.after(button);
  }

  // Paragraph links: a click still moves to the paragraph (its address changes); the full URL is copied too.
  for (const link of document.querySelectorAll("a.pl")) {
    link.addEventListener("click", () => {
      const url = new URL(link.getAttribute("href"), window.location.href).href;
      void copy(link, url, status);
    });
  }
});
