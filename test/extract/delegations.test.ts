// Delegations: the family of phrasings the Department uses, each as its own small case.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findDelegations } from "../../src/extract/delegations.ts";
import { sentences } from "../../src/extract/sentences.ts";

/** Delegations of a text, reduced to "CODE: heads | members | participants" lines for readable comparisons. */
function summary(text: string): string[] {
  return findDelegations(sentences(text)).map(
    (d) => `${d.countryCode}: ${d.heads.map((h) => h.name).join(", ")} | ${d.members.join(", ")} | ${d.participants.map((p) => p.name).join(", ")}`,
  );
}

const cases: [string, string, string[]][] = [
  ["led by NAME, TITLE", "The Japanese delegation was led by Takeo Mori, Director-General of the Foreign Policy Bureau.", ["JP: Takeo Mori |  | "]],
  ["led by TITLE NAME", "The U.S. delegation was led by Assistant Secretary of State for Arms Control Mallory Stewart.", ["US: Mallory Stewart |  | "]],
  ["delegations led by A and B", "The talks brought together delegations led by Under Secretary Bonnie Jenkins and Russian Deputy Foreign Minister Sergey Ryabkov.", ["US: Bonnie Jenkins |  | ", "RU: Sergey Ryabkov |  | "]],
  ["A and B led the delegations", "Special Envoy Tom West and Pakistani Foreign Secretary Sohail Mahmood led the delegations.", ["US: Tom West |  | ", "PK: Sohail Mahmood |  | "]],
  ["A led X while B led Y", "Deputy Secretary Wendy Sherman led the U.S. delegation while Vice Foreign Minister Le Yucheng led the Chinese delegation.", ["US: Wendy Sherman |  | ", "CN: Le Yucheng |  | "]],
  ["the X side was co-chaired by", "The Indian side was co-chaired by Joint Secretary Vikram Doraiswami.", ["IN: Vikram Doraiswami |  | "]],
  ["X was represented by ORG, ORG, and ORG", "The United States was represented by the Department of State, the Department of Defense, and the National Security Council.", ["US:  | Department of State, Department of Defense, National Security Council | "]],
  [
    "featured representatives from … and, from the other side, …",
    "The Mexican delegation featured representatives from the Ministry of Foreign Affairs and the National Guard, and, from the other side, the Department of Homeland Security.",
    ["MX:  | Ministry of Foreign Affairs, National Guard | "],
  ],
  ["It included representatives from", "Ambassador Mark Gitenstein led the U.S. delegation. It included representatives from the Department of Commerce and the Office of the U.S. Trade Representative.", ["US: Mark Gitenstein | Department of Commerce, Office of the U.S. Trade Representative | "]],
  ["joined by representatives of the Departments of A, B, and C", "The United States head of delegation was Christopher Painter, Coordinator for Cyber Issues, and he was joined by representatives of the Departments of Defense, Commerce, and Justice.", ["US: Christopher Painter | Department of Defense, Department of Commerce, Department of Justice | "]],
  ["the European Union is a party with code EU", "The EU delegation was led by Helga Schmid, Secretary General of the European External Action Service.", ["EU: Helga Schmid |  | "]],
  ["honorifics are not part of a name; diacritics are kept", "The Turkish delegation was led by Deputy Foreign Minister Sedat Önal, and Dr. Jürgen Müller, Director of the German Foreign Office, also joined the talks.", ["TR: Sedat Önal |  | ", "DE:  |  | Jürgen Müller"]],
  ["a participant who also joined", "The U.S. delegation was led by Ned Price, Department Spokesperson. Ambassador Daniel Sepulveda, U.S. Coordinator for International Communications and Information Policy, also joined the consultations.", ["US: Ned Price |  | Daniel Sepulveda"]],
  ["no delegation at all", "Secretary Blinken spoke with Foreign Minister Maas about Belarus.", []],
];

for (const [name, text, expected] of cases) {
  test(`delegations: ${name}`, () => assert.deepEqual(summary(text), expected));
}

test("the seed's delegations, titles included", () => {
  const text =
    "The United States head of delegation was Christopher Painter, Coordinator for Cyber Issues at the Department of State, and he was joined by representatives of the Departments of Defense, Homeland Security, Commerce, and Justice. Ambassador Daniel Sepulveda, U.S. Coordinator for International Communications and Information Policy, also joined the consultations. The ROK delegation was led by Ambassador for International Security Affairs at the Ministry of Foreign Affairs, Choi Sung-joo who was joined by representatives of the Ministry of Science, ICT and Future Planning, Ministry of National Defense, Supreme Prosecutor’s Office, and the Korea Internet Security Agency.";
  assert.deepEqual(findDelegations(sentences(text)), [
    {
      country: "United States",
      countryCode: "US",
      heads: [{ name: "Christopher Painter", title: "Coordinator for Cyber Issues at the Department of State" }],
      members: ["Department of Defense", "Department of Homeland Security", "Department of Commerce", "Department of Justice"],
      participants: [{ name: "Daniel Sepulveda", title: "Ambassador, U.S. Coordinator for International Communications and Information Policy" }],
    },
    {
      country: "Republic of Korea",
      countryCode: "KR",
      heads: [{ name: "Choi Sung-joo", title: "Ambassador for International Security Affairs at the Ministry of Foreign Affairs" }],
      members: ["Ministry of Science, ICT and Future Planning", "Ministry of National Defense", "Supreme Prosecutor’s Office", "Korea Internet Security Agency"],
      participants: [],
    },
  ]);
});
