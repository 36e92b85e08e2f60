import JourneyCore

extension ChildProfile {
    /// A child arriving at the front door on `arrival`: age, sex, ethnicity, disabilities and ward in England's
    /// proportions for children in need, a few known before birth, a few unaccompanied asylum seekers.
    static func draw(
        ordinal: Int, arrival: CalendarDate, model: FlowModel, random: inout SynthRandom
    ) -> ChildProfile {
        let ward = random.int(in: 0...(Wards.names.count - 1))
        if random.chance(model.uascShare) {
            let age = WeightedChoice.uascAges.draw(&random)
            return ChildProfile(
                ordinal: ordinal, birthDate: arrival.adding(years: -age).adding(days: -random.int(in: 0...364)),
                sex: random.chance(0.92) ? Sex("M")! : Sex("F")!, ethnicity: model.uascEthnicities.draw(&random),
                disabilities: [Disability("NONE")!], ward: ward, isUASC: true)
        }
        let sex = model.sexes.draw(&random)
        let ethnicity = model.ethnicities.draw(&random)
        if random.chance(model.knownBeforeBirthShare) {
            let expected = arrival.adding(days: random.int(in: 30...180))
            let born = max(arrival.adding(days: 7), expected.adding(days: random.int(in: -14...14)))
            return ChildProfile(
                ordinal: ordinal, birthDate: born, expectedBirthDate: expected, sex: sex,
                ethnicity: ethnicity, disabilities: [Disability("NONE")!], ward: ward, isUASC: false)
        }
        let band = model.arrivalAgeBands.draw(&random)
        let age = random.int(in: band)
        var disabilities = [Disability("NONE")!]
        if random.chance(model.disabledShare) {
            disabilities = [model.disabilities.draw(&random)]
            if random.chance(0.3) {
                let second = model.disabilities.draw(&random)
                if second != disabilities[0] { disabilities.append(second) }
            }
        }
        return ChildProfile(
            ordinal: ordinal, birthDate: arrival.adding(years: -age).adding(days: -random.int(in: 1...364)), sex: sex,
            ethnicity: ethnicity, disabilities: disabilities, ward: ward, isUASC: false)
    }
}

extension WeightedChoice where Value == Int {
    /// Ages of unaccompanied asylum-seeking children on arrival: mostly 16 and 17.
    static let uascAges = WeightedChoice([(14, 10), (15, 25), (16, 40), (17, 25)])
}
