import { type CriteriaLibrary, CriteriaLibrarySchema } from "./criteria.schema.ts";
import { CATEGORY_1 } from "./data/cat-01-security-vision.ts";
import { CATEGORY_2 } from "./data/cat-02-risk-assessment.ts";
import { CATEGORY_3 } from "./data/cat-03-business-partners.ts";
import { CATEGORY_4 } from "./data/cat-04-cybersecurity.ts";
import { CATEGORY_5 } from "./data/cat-05-conveyance-iit.ts";
import { CATEGORY_6 } from "./data/cat-06-seals.ts";
import { CATEGORY_7A } from "./data/cat-07a-procedural.ts";
import { CATEGORY_7B } from "./data/cat-07b-procedural.ts";
import { CATEGORY_8 } from "./data/cat-08-agricultural.ts";
import { CATEGORY_9 } from "./data/cat-09-physical-security.ts";
import { CATEGORY_10 } from "./data/cat-10-access-controls.ts";
import { CATEGORY_11 } from "./data/cat-11-personnel.ts";
import { CATEGORY_12 } from "./data/cat-12-training.ts";
import { SRC } from "./data/sources.ts";
import { CATEGORIES, FOCUS_AREAS } from "./data/structure.ts";

const NOTES: string[] = [
  "Edition: CBP's November 2019 Minimum Security Criteria. The final version was posted to the CTPAT Portal on 27 Nov 2019 (CBP CSMS #41052241) and members had to comply by January 2020. Some booklets carry later edition dates (3PLs and Highway Carriers March 2020; Spanish Foreign Manufacturers March 2020). Later changes included: 3.9 (added Oct 2021, Must from 1 Jan 2023).",
  "Certainty grades follow the reference tags: V → verified; P (portal mock), Q and W (developer texts) → secondary; U (inferred or disputed) → uncertain. An entry whose entity-type pairing is verified but whose Must/Should is disputed is graded uncertain.",
  "U.S. Importers: complete for the 93 criterion IDs the reference lists for importers (portal mock plus verified per-criterion pages). Only page 1 of the importer booklet was read, so an importer ID missing from both could still exist.",
  "Other entity types: no booklet was read beyond its first page (Foreign Manufacturers also page 30), and the Exporter, Rail, Sea, Air, Marine Port/Terminal Operator, Consolidator and Customs Broker booklets were not read at all. Their entries come from CBP webinar entity tags (5.x, 7.x, 11.x), CBP seal slides (6.x), CBP CSMS #41052241 (7.37, 11.5) and training syllabi (12.x). A missing entity type on a criterion means 'not known', not 'does not apply'; the booklet rule that unlisted IDs do not apply cannot be used on this partial data.",
  "Sea carriers received extra criteria in the final 2019 version; their IDs were not identified. Carrier-specific 5.x criteria (GPS, route monitoring) were not retrieved.",
  "Gaps, not included: IDs the reference lists as not found (3.2, 3.3, 5.9–5.13, 5.17–5.23, 5.25–5.28, 6.8 and above, 7.9, 7.11–7.22, 7.26, 7.31–7.36, 9.3, 10.5, 10.6, 11.3, 11.4, 12.3) and 8.2 (label only). Their existence is not confirmed, since CBP IDs are not necessarily sequential.",
  "Known applicability without a known level: 6.4 (air carriers, slide text cut off) and 12.5 (customs brokers). Known wording without a known entity type: 5.7.",
  "Resolved disagreements (see each criterion's note): 2.2 kept Must with a Should mapping part (uncertain); 5.1 kept Must although CBP's Spanish slide says DEBERÍAN (uncertain); 5.2 for importers unresolved (uncertain); 7.4 kept Should although CBP's Spanish slide says DEBE (uncertain); 4.5 kept Must against one consultant translation; category 9 = Physical Security and 10 = Physical Access Controls, following the criterion IDs; seeder numbering slips (7.30 for 7.37, 12.1 for 12.10) ignored.",
];

/** The raw data, validated by `CriteriaLibrarySchema`. */
export const MSC_LIBRARY_INPUT = {
  version: "2019.11-r1",
  edition: "CTPAT Minimum Security Criteria, November 2019 (with changes through 2023)",
  publishedOn: "2019-11-27",
  publishedOnSource: SRC.csms,
  notes: NOTES,
  focusAreas: FOCUS_AREAS,
  categories: CATEGORIES,
  criteria: [
    ...CATEGORY_1,
    ...CATEGORY_2,
    ...CATEGORY_3,
    ...CATEGORY_4,
    ...CATEGORY_5,
    ...CATEGORY_6,
    ...CATEGORY_7A,
    ...CATEGORY_7B,
    ...CATEGORY_8,
    ...CATEGORY_9,
    ...CATEGORY_10,
    ...CATEGORY_11,
    ...CATEGORY_12,
  ],
};

/** The MSC library, parsed (and so checked) once at load. */
export const MSC_LIBRARY: CriteriaLibrary = CriteriaLibrarySchema.parse(MSC_LIBRARY_INPUT);
