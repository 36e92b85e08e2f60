import JourneyCore

extension CINCensusReturn {
    /// What the header says besides the year: the authority and when the return was made.
    public struct Header: Sendable, Hashable {
        /// The local authority's three-digit code (`LEA`).
        public var la: String
        /// When the return was made (`DateTime`).
        public var made: Timestamp
        /// `SoftwareCode` and `Release`.
        public var software: String
        public var release: String?

        public init(la: String, made: Timestamp, software: String = "journey", release: String? = nil) {
            self.la = la
            self.made = made
            self.software = software
            self.release = release
        }

        /// The schema's form of `LEA`: three digits.
        public static func isLACode(_ text: String) -> Bool {
            text.utf8.count == 3 && text.utf8.allSatisfy { (48...57).contains($0) }
        }
    }

    /// The return as XML in its year's schema (`CINCensusSchema`), elements in the schema's order, indented by
    /// two spaces, UTF-8.
    ///
    /// Every element the schema requires is written: `Sex` and `Ethnicity` with their codes for not known when the
    /// log has none (`CINCensusReturn.add` records the finding), `ReferralNFA` and `ICPCnotRequired` as `0` or `1`.
    /// Optional elements the log does not hold (`FormerUPN`, `UPNunknown`, `InitialCPCtarget`,
    /// `AssessmentInternalReviewDate`) are not written.
    public func xml(_ header: Header) -> [UInt8] {
        var w = XMLText()
        w.bytes.reserveCapacity(600 * children.count + 1024)
        w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        w.open("Message")
        w.open("Header")
        w.open("CollectionDetails")
        w.element("Collection", "CIN")
        w.element("Year", String(schema.censusYear))
        w.element("ReferenceDate", schema.end)
        w.close("CollectionDetails")
        w.open("Source")
        w.element("SourceLevel", "L")
        w.element("LEA", header.la)
        w.element("SoftwareCode", header.software)
        if let release = header.release { w.element("Release", release) }
        w.element("DateTime", header.made.description)
        w.close("Source")
        w.close("Header")
        w.open("Children")
        for child in children { write(child, to: &w) }
        w.close("Children")
        w.close("Message")
        return w.bytes
    }

    private func write(_ child: Child, to w: inout XMLText) {
        w.open("Child")
        w.open("ChildIdentifiers")
        w.element("LAchildID", child.id.rawValue)
        if let upn = child.upn { w.element("UPN", upn) }
        if let date = child.birthDate { w.element("PersonBirthDate", date) }
        if let date = child.expectedBirthDate { w.element("ExpectedPersonBirthDate", date) }
        w.element(schema.sexElement, child.sex)
        if let date = child.deathDate { w.element("PersonDeathDate", date) }
        w.close("ChildIdentifiers")
        w.open("ChildCharacteristics")
        w.element("Ethnicity", child.ethnicity)
        if !child.disabilities.isEmpty {
            w.open("Disabilities")
            for code in child.disabilities { w.element("Disability", code) }
            w.close("Disabilities")
        }
        w.close("ChildCharacteristics")
        for episode in child.episodes { write(episode, to: &w) }
        w.close("Child")
    }

    private func write(_ e: Episode, to w: inout XMLText) {
        w.open("CINdetails")
        w.element("CINreferralDate", e.referralDate)
        w.element("ReferralSource", e.referralSource)
        if let need = e.primaryNeed { w.element("PrimaryNeedCode", need) }
        if let date = e.closureDate { w.element("CINclosureDate", date) }
        if let reason = e.closureReason { w.element("ReasonForClosure", reason) }
        if let date = e.initialConference { w.element("DateOfInitialCPC", date) }
        for a in e.assessments {
            w.open("Assessments")
            w.element("AssessmentActualStartDate", a.start)
            if let date = a.authorised { w.element("AssessmentAuthorisationDate", date) }
            if let factors = a.factors {
                w.open("FactorsIdentifiedAtAssessment")
                for code in factors { w.element("AssessmentFactors", code) }
                w.close("FactorsIdentifiedAtAssessment")
            }
            w.close("Assessments")
        }
        for p in e.cinPlans {
            w.open("CINPlanDates")
            w.element("CINPlanStartDate", p.start)
            if let date = p.end { w.element("CINPlanEndDate", date) }
            w.close("CINPlanDates")
        }
        for s in e.s47Enquiries {
            w.open("Section47")
            w.element("S47ActualStartDate", s.start)
            if let date = s.initialConference { w.element("DateOfInitialCPC", date) }
            w.element("ICPCnotRequired", s.isConferenceNotRequired ? "1" : "0")
            w.close("Section47")
        }
        w.element("ReferralNFA", e.isNFA ? "1" : "0")
        for p in e.cpPlans {
            w.open("ChildProtectionPlans")
            w.element("CPPstartDate", p.start)
            if let date = p.end { w.element("CPPendDate", date) }
            w.element("InitialCategoryOfAbuse", p.initialCategory)
            w.element("LatestCategoryOfAbuse", p.latestCategory)
            w.element("NumberOfPreviousCPP", String(p.previousPlans))
            if !p.reviews.isEmpty {
                w.open("Reviews")
                for date in p.reviews { w.element("CPPreviewDate", date) }
                w.close("Reviews")
            }
            w.close("ChildProtectionPlans")
        }
        w.close("CINdetails")
    }
}

/// XML written element by element into bytes, indented by depth.
struct XMLText {
    var bytes: [UInt8] = []
    var depth = 0

    mutating func raw(_ s: String) { bytes += s.utf8 }

    private mutating func indent() {
        for _ in 0..<depth { bytes += [32, 32] }
    }

    mutating func open(_ name: String) {
        indent()
        bytes.append(60)
        bytes += name.utf8
        bytes += [62, 10]
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        indent()
        bytes += [60, 47]
        bytes += name.utf8
        bytes += [62, 10]
    }

    mutating func element(_ name: String, _ value: String) {
        indent()
        bytes.append(60)
        bytes += name.utf8
        bytes.append(62)
        escape(value)
        bytes += [60, 47]
        bytes += name.utf8
        bytes += [62, 10]
    }

    mutating func element(_ name: String, _ date: CalendarDate) { element(name, date.description) }

    /// Text content: `&`, `<` and `>` escaped (ids, codes and dates never hold them; a release name might).
    private mutating func escape(_ value: String) {
        for b in value.utf8 {
            switch b {
            case 38: bytes += Array("&amp;".utf8)
            case 60: bytes += Array("&lt;".utf8)
            case 62: bytes += Array("&gt;".utf8)
            default: bytes.append(b)
            }
        }
    }
}
