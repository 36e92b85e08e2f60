import JourneyCore
import JourneyProjections

/// List 1: every contact received in the window (`contact.received`), a row each.
enum ContactsList {
    static let name = "Contacts"

    static func headings(_ sex: String) -> [String] {
        AnnexA.ChildColumns.openingHeadings(sex) + ["Date of Contact", "Contact Source"]
    }

    static func rows(_ record: ChildRecord, _ child: AnnexA.ChildColumns, _ window: AnnexA.Window) -> [AnnexA.Row] {
        record.contacts.filter { window.contains($0.date) }.map { contact in
            AnnexA.Row(
                child: child.id, date: contact.date,
                cells: child.opening + [.date(contact.date), .text(AnnexA.Labels.source(contact.source))])
        }
    }
}
