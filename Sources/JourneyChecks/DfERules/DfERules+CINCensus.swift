extension DfERules {
    /// The CIN census rules of the DfE validator csc-validator-be-cin 0.1.13, rule set cin2025_26: each code, the
    /// DfE's message (the "Please check…" preamble of queries left out), and where journey stands on it when no check
    /// names it, judged by reading the rule's source (`cin_validator/rules/cin20*/rule_CODE.py`). A code ending in `Q`
    /// is a query.
    static let cinCensus: [DfERule] = {
        var rules = DfERuleList(.cinCensus, ruleSet: "cin2025_26")
        rules.add(
            "100",
            "Reference Date is incorrect",
            .writtenByReturn,
            because: "journey return writes ReferenceDate as 31 March of the census year it is asked for.")
        rules.add(
            "1103",
            "The assessment start date cannot be before the referral date",
            .notYetPorted,
            because: "An assessment starting before its referral: judgeable on the stream.")
        rules.add(
            "1104",
            "The date of the initial child protection conference cannot be before the referral date",
            .notYetPorted,
            because: "An ICPC before its referral: judgeable on the stream.")
        rules.add(
            "1105",
            "The child protection plan start date cannot be before the referral date",
            .notYetPorted,
            because: "A CP plan starting before its referral: judgeable on the stream.")
        rules.add(
            "1510",
            "UPN invalid (wrong check letter at character 1)",
            .notYetPorted,
            because: "The append keeps upn as free text; its check letter can be computed from the stream.")
        rules.add(
            "1520",
            "More than one record with the same UPN.",
            .notYetPorted,
            because: "Two children with one UPN: judgeable across the log, but checks read one child at a time.")
        rules.add(
            "1530",
            "UPN invalid (characters 2-4 not a recognised LA code)",
            .needsReferenceData,
            because: "UPN characters 2-4 must be a post-1998 LA code: needs the list of LA codes.")
        rules.add(
            "1540",
            "UPN invalid (characters 5-12 not all numeric)",
            .notYetPorted,
            because: "The append keeps upn as free text; characters 5-12 being digits can be checked on the "
                + "stream.")
        rules.add(
            "1550",
            "UPN invalid (character 13 not a recognised value)",
            .notYetPorted,
            because: "The append keeps upn as free text; character 13 can be checked on the stream.")
        rules.add(
            "1560Q",
            "Former UPN wrongly formatted",
            .notApplicable,
            because: "The event format has no former UPN, so the return writes none.")
        rules.add(
            "1570",
            "LA Child ID must not be longer than 20 characters",
            .enforcedAtAppend,
            because: "A child identifier longer than 20 characters is refused at append.")
        rules.add(
            "1580",
            "LA Child ID must not contain any non-alphanumeric characters",
            .notYetPorted,
            because: "The append takes _ and - in a child identifier, which 1580 refuses: a check must flag them.")
        rules.add(
            "2883",
            "There are more child protection plans starting than initial conferences taking place",
            .notYetPorted,
            because: "More CP plans starting than ICPCs in the census year: a count over all children, not a "
                + "per-child check yet.")
        rules.add(
            "2884",
            "An initial child protection conference is recorded at both the S47 and CIN Details level and"
                + " it should only be recorded in one",
            .writtenByReturn,
            because: "journey return writes each ICPC once: in the Section47 module of its enquiry, or at CIN "
                + "details when it has none.")
        rules.add(
            "2885",
            "Child protection plan shown as starting a different day to the initial child protection "
                + "conference.",
            .notYetPorted,
            because: "A CP plan starting on a different day from its ICPC: judgeable on the stream.")
        rules.add(
            "2886Q",
            "Percentage of children with no sex recorded is more than 2% (excluding unborns)",
            .notYetPorted,
            because: "Share of children with sex missing or U over 2%: a count over all children, not a per-child "
                + "check yet.")
        rules.add(
            "2887Q",
            "Less than 8 disability codes have been used in your return",
            .notYetPorted,
            because: "Fewer than 8 disability codes used in the return: a count over all children, not a per-child"
                + " check yet.")
        rules.add(
            "2888Q",
            "Only one disability code is recorded per child and multiple disabilities should be recorded "
                + "where possible.",
            .notYetPorted,
            because: "No child with more than one disability: a count over all children, not a per-child check "
                + "yet.")
        rules.add(
            "2889",
            "The S47 start date cannot be before the referral date.",
            .notYetPorted,
            because: "An S47 starting before its referral: judgeable on the stream.")
        rules.add(
            "2990",
            "Activity is recorded against a case marked as ‘Case closed after assessment, no further "
                + "action’ or 'case closed after assessment, referred to early help'.",
            .notYetPorted,
            because: "closed-rc8-rc9-with-s47-or-plan tests this (RC8/RC9 with an S47, ICPC or plan) but does not "
                + "name the rule.")
        rules.add(
            "2991Q",
            "A Section 47 module is recorded and there is no assessment on the episode",
            .notYetPorted,
            because: "An S47 on an episode with no assessment: judgeable on the stream.")
        rules.add(
            "4000",
            "CIN Plan details provided for a referral with no further action",
            .notYetPorted,
            because: "plan-on-nfa-referral tests CIN plans on an NFA referral (it names 8832 only).")
        rules.add(
            "4001",
            "A CIN Plan cannot run concurrently with a Child Protection Plan",
            .notYetPorted,
            because: "A CIN plan and a CP plan both open: a case of 4016/4017, which cin-plan-during-cp-plan "
                + "follows.")
        rules.add(
            "4003",
            "A CPP review date is shown as being held at the same time as an open CIN Plan.",
            .notYetPorted,
            because: "A CP plan review during an open CIN plan: judgeable on the stream.")
        rules.add(
            "4004",
            "This child is showing more than one open CIN Plan, i.e. with no End Date",
            .notYetPorted,
            because: "More than one open CIN plan: overlapping-cin-plans catches the second start, but not this "
                + "rule's reading.")
        rules.add(
            "4008",
            "CIN Plan shown as starting after the child’s Date of Death.",
            .notYetPorted,
            because: "A CIN plan starting after the child's death: dated-after-death covers new work after death "
                + "but names 8555Q only.")
        rules.add(
            "4009Q",
            "CIN Plan cannot end after the child’s Date of Death",
            .notYetPorted,
            because: "A CIN plan ending after the child's death: judgeable on the stream.")
        rules.add(
            "4010",
            "CIN Plan start date is missing or out of data collection period",
            .writtenByReturn,
            because: "journey return writes a CIN plan only with its start, on or before the reference date.")
        rules.add(
            "4011",
            "CIN Plan End Date earlier than Start Date",
            .notYetPorted,
            because: "A CIN plan ending before it starts: judgeable on the stream.")
        rules.add(
            "4012Q",
            "CIN Plan shown as starting and ending on the same day",
            .notYetPorted,
            because: "A CIN plan starting and ending on one day: judgeable on the stream.")
        rules.add(
            "4013",
            "CIN Plan end date must fall within the census year",
            .writtenByReturn,
            because: "journey return writes a CIN plan end only when it falls in the census year (an earlier end "
                + "leaves the plan out).")
        rules.add(
            "4014",
            "CIN Plan data contains overlapping dates",
            .notYetPorted,
            because: "Overlapping CIN plans: judgeable on the stream.")
        rules.add(
            "4015",
            "The CIN Plan start date cannot be before the referral date",
            .notYetPorted,
            because: "cin-plan-before-referral tests this but does not name the rule.")
        rules.add(
            "4016",
            "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
            .notYetPorted,
            because: "A CIN plan starting during a CP plan: judgeable on the stream.")
        rules.add(
            "4017",
            "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
            .notYetPorted,
            because: "A CP plan starting during a CIN plan: judgeable on the stream.")
        rules.add(
            "4180",
            "Sex must be provided and equal M, F, or U",
            .notYetPorted,
            because: "The sex code list is enforced at append, but sex is optional: a child with no sex recorded "
                + "is still to check.")
        rules.add(
            "4220",
            "Ethnicity is missing or invalid (see Ethnicity table)",
            .notYetPorted,
            because: "The ethnicity code list is enforced at append, but ethnicity is optional: a child with none "
                + "is still to check.")
        rules.add(
            "8500",
            "LA Child ID missing",
            .enforcedAtAppend,
            because: "Every event names its child; the append refuses an event without one.")
        rules.add(
            "8510",
            "More than one child record with the same LA Child ID",
            .writtenByReturn,
            because: "journey return writes one ChildIdentifiers record per child (merged records already joined "
                + "by the replay).")
        rules.add(
            "8520",
            "Date of Birth is after data collection period (must be on or before the end of the census "
                + "period)",
            .notYetPorted,
            because: "A birth date after the reference date: judgeable on the stream (the append takes any real "
                + "date).")
        rules.add(
            "8525Q",
            "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
            .notYetPorted,
            because: "A child with both or neither of birth date and expected birth date: judgeable on the stream.")
        rules.add(
            "8530Q",
            "Expected Date of Birth is outside the expected range for this census (March to December of "
                + "the Census Year end)",
            .notYetPorted,
            because: "An expected birth date outside reference date -30 days .. +9 months: judgeable on the "
                + "stream.")
        rules.add(
            "8535Q",
            "Child’s date of death should not be prior to the date of birth",
            .notYetPorted,
            because: "A death before birth, or a death with no birth date: judgeable on the stream.")
        rules.add(
            "8540",
            "Child’s disability is missing or invalid (see Disability table)",
            .notYetPorted,
            because: "The disability code list is enforced at append, but disabilities are optional: a born child "
                + "on a further-action referral with none is still to check.",
            note:
                "The validator pushes its findings on the child's Disabilities rows, so a child with no Disability at all, "
                + "the case left once codes are checked at append, is not flagged: a port follows the DfE's rule "
                + "text.")
        rules.add(
            "8545Q",
            "Child's date of death should be within the census year",
            .notYetPorted,
            because: "A death before the census year of a child the return includes (work still open in the year):"
                + " judgeable on the stream.")
        rules.add(
            "8555Q",
            "Child cannot be referred after its recorded date of death",
            .notYetPorted,
            because: "A referral after the child's death: judgeable on the stream.")
        rules.add(
            "8565",
            "Activity shown after a case has been closed",
            .notYetPorted,
            because: "Work dated after its case was closed: judgeable on the stream.",
            note: "The validator's code compares closure dates with a hard-coded test table instead of the CP "
                + "plans (and keys CIN plan failures on the S47 table): a port follows the DfE's rule text.")
        rules.add(
            "8568",
            "RNFA flag is missing or invalid",
            .writtenByReturn,
            because: "journey return writes ReferralNFA from the nfa Boolean as true or false, always present.")
        rules.add(
            "8569Q",
            "A case with referral date before one working day prior to the collection start date must not"
                + " be flagged as a no further action case",
            .writtenByReturn,
            because: "journey return writes an NFA referral only when it was received in the census year, so none "
                + "from before it.")
        rules.add(
            "8585Q",
            "CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death",
            .notYetPorted,
            because: "A case closed RC2 with no death recorded: judgeable on the stream.")
        rules.add(
            "8590",
            "Child does not have a recorded CIN episode.",
            .writtenByReturn,
            because: "journey return includes a child only for an episode of need (CINdetails) it writes.")
        rules.add(
            "8600",
            "Child referral date missing or after data collection period",
            .writtenByReturn,
            because: "Every referral.received has a date; journey return as at the reference date writes no later "
                + "referral.")
        rules.add(
            "8606",
            "Child referral date is more than 40 weeks before DOB or expected DOB",
            .notYetPorted,
            because: "A referral more than 280 days before birth: judgeable on the stream.")
        rules.add(
            "8608",
            "Assessment Start Date cannot be later than its End Date",
            .notYetPorted,
            because: "An assessment authorised before it started: judgeable on the stream.")
        rules.add(
            "8610",
            "Primary Need code is missing for a referral which led to further action.",
            .notYetPorted,
            because: "primaryNeed is optional at append: a further-action referral without it is still to check.")
        rules.add(
            "8614",
            "Parental or child factors at assessment should only be present for a completed assessment.",
            .writtenByReturn,
            because: "Factors come only with assessment.completed (the authorisation): the return writes them with"
                + " its date or not at all.")
        rules.add(
            "8615",
            "Section 47 Enquiry Start Date must be present and cannot be later than the date of the "
                + "initial Child Protection Conference",
            .notYetPorted,
            because: "An ICPC before its S47 started, or an ICPC of an S47 with no start: judgeable on the stream.")
        rules.add(
            "8620",
            "CIN Closure Date present and does not fall within the Census year",
            .writtenByReturn,
            because: "journey return writes a closure date only when it falls in the census year (an earlier "
                + "closure leaves the episode out).")
        rules.add(
            "8630",
            "CIN Closure Date is before CIN Referral Date for the same CIN episode",
            .notYetPorted,
            because: "A case closed before its referral: judgeable on the stream.")
        rules.add(
            "8640",
            "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
            .enforcedAtAppend,
            because: "case.closed reason must be RC1-RC9 at append.")
        rules.add(
            "8650",
            "Primary Need Code invalid (see Primary Need table in CIN census code set)",
            .enforcedAtAppend,
            because: "primaryNeed must be N0-N9 at append.")
        rules.add(
            "8670Q",
            "Assessment started more than 45 working days before the end of the census year. However, "
                + "there is no Assessment end date.",
            .notYetPorted,
            because: "An assessment not authorised 45 working days after it started: judgeable on the stream.",
            note: "The validator counts the 45 working days back from ReferenceDate with the reference date itself "
                + "as one of them (CustomBusinessDay(n - 1)), so it also flags an assessment started exactly 45 "
                + "working days before: journey follows the rule text, 'before the ReferenceDate minus 45 working "
                + "days'.")
        rules.add(
            "8675Q",
            "S47 Enquiry started more than 15 working days before the end of the census year. However, "
                + "there is no date of Initial Child Protection Conference.",
            .notYetPorted,
            because: "An S47 with no ICPC 15 working days after it started: judgeable on the stream.",
            note: "The validator counts the 15 working days back from ReferenceDate with the reference date itself "
                + "as one of them, as for 8670Q, one day more than the rule text.")
        rules.add(
            "8696",
            "Assessment end date must fall within the census year",
            .writtenByReturn,
            because: "journey return writes an assessment authorised before the census year only as part of no "
                + "episode it returns: authorisation dates it writes fall in the year.")
        rules.add(
            "8715",
            "Date of Initial Child Protection Conference must fall within the census year",
            .writtenByReturn,
            because: "journey return writes ICPCs held in the census year only.")
        rules.add(
            "8720",
            "Child Protection Plan Start Date missing or out of data collection period",
            .writtenByReturn,
            because: "Every cp-plan.started has a date; journey return as at the reference date writes no later "
                + "plan start.")
        rules.add(
            "8730",
            "Total Number of previous Child Protection Plans missing",
            .writtenByReturn,
            because: "journey return writes NumberOfPreviousCPP from previousPlans, or when it is not recorded, as "
                + "the count of the log's CP plans that started before the plan.")
        rules.add(
            "8736",
            "For an Assessment that has not been completed, the start date must fall within the census "
                + "year",
            .notYetPorted,
            because: "An assessment started before the census year and still not authorised at its end: judgeable "
                + "on the stream.")
        rules.add(
            "8740",
            "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the "
                + "end of the census year, the start date must fall within the census year",
            .notYetPorted,
            because: "An S47 started before the census year with no ICPC and an ICPC still required: judgeable on "
                + "the stream.",
            note: "The validator tests ICPCnotRequired equal to \"0\", where a return says false, so it never fires on "
                + "a census file: a port follows the DfE's rule text.")
        rules.add(
            "8750",
            "Sex must equal U for an unborn child",
            .notYetPorted,
            because: "An unborn child (expected birth date, no birth date) whose sex is not U: judgeable on the "
                + "stream.")
        rules.add(
            "8770Q",
            "UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.",
            .notYetPorted,
            because: "A school-age child on a further-action referral with no UPN: judgeable; the format has no "
                + "UPN-unknown reason, so the return can give none.")
        rules.add(
            "8772",
            "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is "
                + "a referral going on to further action",
            .notApplicable,
            because: "The event format has no reason a UPN is missing (UPNunknown), so UN7 is never written.")
        rules.add(
            "8775Q",
            "Child is over 25 years old",
            .notYetPorted,
            because: "A child over 25 with an episode still open: judgeable on the stream.")
        rules.add(
            "8790",
            "Disability information includes both None and other values",
            .notYetPorted,
            because: "The disability list may hold NONE with other codes at append: judgeable on the stream.")
        rules.add(
            "8794",
            "Child has two or more disabilities with the same code",
            .enforcedAtAppend,
            because: "A code repeated in a list (disabilities) is refused at append.")
        rules.add(
            "8805",
            "A CIN case cannot have a CIN closure date without a Reason for Closure",
            .enforcedAtAppend,
            because: "case.closed requires a reason at append.")
        rules.add(
            "8810",
            "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
            .enforcedAtAppend,
            because: "A reason for closure comes only with case.closed, whose date is occurred.")
        rules.add(
            "8815",
            "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided"
                + " for this child and case is not a referral with no further action.",
            .notYetPorted,
            because: "More than one open further-action episode of need: judgeable on the stream.")
        rules.add(
            "8816",
            "An open CIN episode is shown and case is not a referral with no further action, but it is "
                + "not the latest episode.",
            .notYetPorted,
            because: "An open further-action episode that is not the latest referral: judgeable on the stream.")
        rules.add(
            "8820",
            "The dates on the CIN episodes for this child overlap",
            .notYetPorted,
            because: "Overlapping episodes of need: judgeable on the stream.")
        rules.add(
            "8825Q",
            "Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after "
                + "assessment, referred to early help) has been returned but there is no assessment present for"
                + " the episode.",
            .notYetPorted,
            because: "A case closed RC8/RC9 with no assessment: judgeable on the stream.")
        rules.add(
            "8831",
            "Activity is recorded against a case marked as a referral with no further action",
            .notYetPorted,
            because: "An assessment or S47 on an NFA referral: judgeable on the stream.")
        rules.add(
            "8832",
            "Child Protection details provided for a referral with no further action.",
            .notYetPorted,
            because: "A CP plan on an NFA referral: judgeable on the stream.",
            note: "The validator's merge gives the CIN details and CP plan tables each other's suffixes, so it "
                + "flags the wrong rows: a port follows the DfE's rule text.")
        rules.add(
            "8839",
            "Within one CINDetails group there are 2 or more open S47 Assessments",
            .notYetPorted,
            because: "Two or more open S47s (no ICPC, ICPC required) in one episode: judgeable on the stream.")
        rules.add(
            "8840",
            "Child Protection Plan cannot start and end on the same day",
            .notYetPorted,
            because: "A CP plan starting and ending on one day: judgeable on the stream.")
        rules.add(
            "8841",
            "The review date cannot be on the same day or before the Child protection Plan start date.",
            .notYetPorted,
            because: "A CP plan review on or before the plan's start: judgeable on the stream.")
        rules.add(
            "8842Q",
            "Review Record has a missing date",
            .enforcedAtAppend,
            because: "cp-plan.reviewed has a date (occurred), always written.")
        rules.add(
            "8863Q",
            "An Assessment is shown as starting when there is another Assessment ongoing.",
            .notYetPorted,
            because: "An assessment starting while another of its episode is ongoing: judgeable on the stream.")
        rules.add(
            "8866",
            "Source of Referral is missing or an invalid code",
            .enforcedAtAppend,
            because: "referral.received requires a source from the referral source list at append.")
        rules.add(
            "8867",
            "CIN episode is shown as closed, however Assessment is not shown as completed",
            .notYetPorted,
            because: "A closed episode with an assessment not authorised: judgeable on the stream.")
        rules.add(
            "8868",
            "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC"
                + " date or ICPC not required flag",
            .notYetPorted,
            because: "A closed episode with an S47 with neither an ICPC nor ICPC-not-required: judgeable on the "
                + "stream.")
        rules.add(
            "8869",
            "The assessment factors code “21” cannot be used in conjunction with any other assessment "
                + "factors.",
            .notYetPorted,
            because: "Factor 21 (no factors) with other factors in one list: judgeable on the stream.",
            note:
                "The validator compares AssessmentFactors, which it reads as a list of codes, with the string \"21\", "
                + "so it never fires: a port follows the DfE's rule text.")
        rules.add(
            "8870Q",
            "The Target Date for Initial Child Protection Conference should not be a weekend",
            .notApplicable,
            because: "The event format has no ICPC target date, so the return writes none.")
        rules.add(
            "8873Q",
            "When there is only one assessment on the episode and the factors code “21 No factors "
                + "identified” has been used for the completed assessment, the reason for closure ‘RC8’ or "
                + "'RC9' should be used.",
            .notYetPorted,
            because: "The only assessment of an episode found no factors (21) and the case was not closed RC8/RC9:"
                + " judgeable on the stream.")
        rules.add(
            "8875",
            "The Date of Initial Child Protection Conference cannot be a weekend",
            .notYetPorted,
            because: "An ICPC dated on a Saturday or Sunday: judgeable on the stream.")
        rules.add(
            "8890",
            "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
            .notYetPorted,
            because: "An S47 starting while another of its episode is ongoing: judgeable on the stream.")
        rules.add(
            "8896",
            "Within one CINDetails group there are 2 or more open Assessments groups",
            .notYetPorted,
            because: "Two or more assessments of one episode not authorised: judgeable on the stream.")
        rules.add(
            "8897Q",
            "Parental or child factors at assessment information is missing from a completed assessment",
            .notYetPorted,
            because: "An assessment authorised in the census year with no factors: factors are optional at append,"
                + " so judgeable on the stream.")
        rules.add(
            "8898",
            "The assessment has more than one parental or child factors with the same code",
            .enforcedAtAppend,
            because: "A code repeated in a list (assessment factors) is refused at append.")
        rules.add(
            "8905",
            "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census"
                + " code set)",
            .enforcedAtAppend,
            because: "cp-plan.started requires a category of abuse from its list at append.")
        rules.add(
            "8910",
            "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census "
                + "code set)",
            .enforcedAtAppend,
            because: "The latest category is the start's or a category-changed's, both required from the list at "
                + "append.")
        rules.add(
            "8915",
            "Child Protection Plan shown as starting after the child’s Date of Death",
            .notYetPorted,
            because: "A CP plan starting after the child's death: dated-after-death covers new work after death "
                + "but names 8555Q only.")
        rules.add(
            "8920",
            "Child Protection Plan cannot end after the child’s Date of Death",
            .notYetPorted,
            because: "A CP plan ending after the child's death: judgeable on the stream.")
        rules.add(
            "8925",
            "Child Protection Plan End Date earlier than Start Date",
            .notYetPorted,
            because: "cp-plan-ends-before-start tests this but does not name the rule.")
        rules.add(
            "8930",
            "Child Protection Plan End Date must fall within the census year",
            .writtenByReturn,
            because: "journey return writes a CP plan end only when it falls in the census year (an earlier end "
                + "leaves the plan out).")
        rules.add(
            "8935",
            "This child is showing more than one open Child Protection plan, i.e. with no End Date",
            .notYetPorted,
            because: "More than one open CP plan: judgeable on the stream (overlapping-cp-plans catches the second"
                + " start).",
            note:
                "The validator counts open plans per CPPID, which names one plan, so it never fires: a port follows the "
                + "DfE's rule text.")
        rules.add(
            "8940",
            "Child Protection Plan data contains overlapping dates",
            .notYetPorted,
            because: "overlapping-cp-plans tests this but does not name the rule.")
        rules.add(
            "8945Q",
            "the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)",
            .notYetPorted,
            because: "Assessment factor 18A is still in the event format's list: judgeable on the stream.",
            note:
                "The validator compares AssessmentFactors, which it reads as a list of codes, with the string \"18A\", "
                + "so it never fires: a port follows the DfE's rule text.")
        rules.add(
            "8950Q",
            "the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
            .notYetPorted,
            because: "Assessment factor 19A is still in the event format's list: judgeable on the stream.",
            note:
                "The validator compares AssessmentFactors, which it reads as a list of codes, with the string \"19A\", "
                + "so it never fires: a port follows the DfE's rule text.")
        return rules.rules
    }()
}
