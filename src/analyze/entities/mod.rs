//! Named-entity recognition (PER, ORG, LOC, MISC). Filled in by the entities work.
