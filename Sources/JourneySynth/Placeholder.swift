// Replaced by the synthetic council generator.
enum JourneySynthPlaceholder {}
