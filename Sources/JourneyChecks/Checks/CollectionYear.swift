import JourneyCore

// The SSDA903 and CIN census collection year runs from 1 April to 31 March; the checks whose rule speaks of the
// year's start or end take it from here.

/// The calendar year the collection year containing `date` starts in (1 April to 31 March).
func collectionYear(_ date: CalendarDate) -> Int { date.month >= 4 ? date.year : date.year - 1 }

/// The 1 April that starts the collection year containing `date`.
func collectionYearStart(_ date: CalendarDate) -> CalendarDate {
    CalendarDate.civil(year: collectionYear(date), month: 4, day: 1)
}

/// The 31 March that ends the collection year containing `date`.
func collectionYearEnd(_ date: CalendarDate) -> CalendarDate {
    CalendarDate.civil(year: collectionYear(date) + 1, month: 3, day: 31)
}
