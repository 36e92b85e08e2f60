import JourneyCore
import JourneyProjections

extension AnnexA {
    /// The columns every list of children opens with (Child Unique ID, sex, ethnicity, date of birth, age), the
    /// disability column most lists have, and the allocation at the date.
    struct ChildColumns {
        var id: String
        var sex: Cell
        var ethnicity: Cell
        var birthDate: Cell
        /// In completed years on the date the lists are drawn for, as the template's "Age of Child (Years)" is read
        /// (the age now, not at the event).
        var age: Cell
        var disability: Cell
        var team: Cell
        var worker: Cell

        init(_ record: ChildRecord, _ window: Window) {
            id = record.id.rawValue
            sex = .text(Labels.sex(record.sex))
            ethnicity = .text(Labels.ethnicity(record.ethnicity))
            birthDate = .date(record.birthDate)
            age = .integer(record.birthDate.flatMap { $0 <= window.asOf ? $0.completedYears(at: window.asOf) : nil })
            disability = .text(Labels.yesNoUnknown(record.hasDisability))
            // The latest allocation on or before the date: the team and worker responsible then (metrics.md,
            // breakdowns). A worker's name is personal data, as the list is.
            let allocation = record.allocations.filter { $0.date <= window.asOf }
                .max { ($0.date, $0.position) < ($1.date, $1.position) }
            team = .text(allocation?.team)
            worker = .text(allocation?.worker)
        }

        /// Child Unique ID, sex, ethnicity, date of birth, age.
        var opening: [Cell] { [.text(id), sex, ethnicity, birthDate, age] }

        /// The template's first five headings. The 2026 template renames "Gender" to "Sex" (the LIIA schema's 2026
        /// diff): lists drawn for a date from 1 January 2026 use the new heading.
        static func openingHeadings(_ sex: String) -> [String] {
            ["Child Unique ID", sex, "Ethnicity", "Date of Birth", "Age of Child (Years)"]
        }

        static func sexHeading(_ asOf: CalendarDate) -> String {
            asOf >= CalendarDate(year: 2026, month: 1, day: 1)! ? "Sex" : "Gender"
        }
    }
}
