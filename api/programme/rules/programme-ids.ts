// The 22 stable programme ids (docs/design.md "Programme ids"), in catalogue order, are defined once in
// the catalogue; the rules use the same list (its order is the tie-break between equally relevant results).
export { isProgrammeId, PROGRAMME_IDS, type ProgrammeId } from '../../core';
