extension DfERules {
    /// The SSDA903 rules of the DfE validator csc-validator-be-903 0.1.17, rule set lac2025_26: each code, the
    /// DfE's message (the tool's bracketed notes left out), and where journey stands on it when no check names it,
    /// judged by reading the rule's source (`lac_validator/rules/lac20*/rule_CODE.py`).
    static let ssda903: [DfERule] = {
        var rules = DfERuleList(.ssda903, ruleSet: "lac2025_26")
        rules.add(
            "101",
            "The child or young person’s reported sex is not valid.",
            .notYetPorted,
            because: "The sex code list (M, F, U) is enforced at append, but sex is optional: a looked-after child"
                + " with none is still to check.")
        rules.add(
            "102",
            "Date of birth is not a valid date.",
            .notYetPorted,
            because: "birthDate is refused at append when not a real day, but it is optional: a looked-after child"
                + " with none is still to check.")
        rules.add(
            "103",
            "The ethnicity code is either not valid or has not been entered.",
            .writtenByReturn,
            because: "The ethnicity code list is enforced at append, and journey return writes NOBT (information "
                + "not yet obtained) for a child with none recorded.")
        rules.add(
            "104",
            "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
            .notApplicable,
            because: "The event format has no date UASC status ceased (DUC), so the return writes none.")
        rules.add(
            "105",
            "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or "
                + "has not been completed.",
            .writtenByReturn,
            because: "journey return writes UASC as 1 or 0 from the care.started uasc Boolean.")
        rules.add(
            "112",
            "Date should be placed for adoption is not a valid date.",
            .enforcedAtAppend,
            because: "adoption.decided has a date (occurred), refused at append when it is not a real day.")
        rules.add(
            "113",
            "Date matching child and adopter(s) is not a valid date.",
            .enforcedAtAppend,
            because: "adoption.matched has a date (occurred), refused at append when it is not a real day.")
        rules.add(
            "114",
            "Data entry to record the status of former carer(s) of an adopted child is invalid.",
            .writtenByReturn,
            because: "journey return writes FOSTER_CARE as 1 or 0 from the fosterCarerAdopting Boolean.")
        rules.add(
            "115",
            "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a "
                + "valid date.",
            .enforcedAtAppend,
            because: "adoption.decided has a date (occurred), refused at append when it is not a real day.")
        rules.add(
            "116",
            "Date of Local Authority's (LA) decision that a child should no longer be placed for adoption"
                + " is not a valid date.",
            .enforcedAtAppend,
            because: "adoption.decision-reversed has a date (occurred), refused at append when it is not a real "
                + "day.")
        rules.add(
            "117",
            "Date of decision that a child should/should no longer be placed for adoption is beyond the "
                + "current collection year or after the child ceased to be looked after.",
            .notYetPorted,
            because: "An adoption decision after the child ceased to be looked after: judgeable on the stream.")
        rules.add(
            "118",
            "Date of decision that a child should no longer be placed for adoption is before the current "
                + "collection year or before the date the child started to be looked after.",
            .notYetPorted,
            because: "A reversal of the adoption decision before the child started to be looked after: judgeable "
                + "on the stream.")
        rules.add(
            "119",
            "If the decision is made that a child should no longer be placed for adoption, then the date "
                + "of this decision and the reason why this decision was made must be completed.",
            .enforcedAtAppend,
            because: "adoption.decision-reversed requires its reason, and the reason comes only with its date.")
        rules.add(
            "120",
            "The reason for the reversal of the decision that the child should be placed for adoption "
                + "code is not valid.",
            .enforcedAtAppend,
            because: "adoption.decision-reversed reason must be RD1-RD4 at append.")
        rules.add(
            "131",
            "Data entry for being in touch after leaving care is invalid.",
            .enforcedAtAppend,
            because: "care-leaver.contacted requires inTouch from its list at append.")
        rules.add(
            "132",
            "Data entry for activity after leaving care is invalid.",
            .notYetPorted,
            because: "The activity code list is enforced at append, but activity is optional: a contact without "
                + "one is still to check.")
        rules.add(
            "133",
            "Data entry for accommodation after leaving care is invalid. If reporting on a childs "
                + "accommodation after leaving care the data entry must be valid",
            .notYetPorted,
            because: "The accommodation code list is enforced at append, but accommodation is optional: a contact "
                + "without one is still to check.")
        rules.add(
            "134",
            "Data on adoption should not be entered for the OC3 cohort.",
            .notYetPorted,
            because: "An adoption recorded for a young person with a care leaver contact: judgeable on the stream.")
        rules.add(
            "141",
            "Date episode began is not a valid date.",
            .enforcedAtAppend,
            because: "The events that start an episode have a date (occurred), refused at append when it is not a "
                + "real day.")
        rules.add(
            "142",
            "A new episode has started, but the previous episode has not ended.",
            .notYetPorted,
            because: "A period of care or placement left open when the next starts: judgeable on the stream.")
        rules.add(
            "143",
            "The reason for new episode code is not a valid code.",
            .writtenByReturn,
            because: "journey return derives RNE (S, L, P, T, U, B) from the events that start each episode.")
        rules.add(
            "144",
            "The legal status code is not a valid code.",
            .enforcedAtAppend,
            because: "care.started and legal-status.changed require a legal status from the 903 list at append.")
        rules.add(
            "145",
            "Category of need code is not a valid code.",
            .enforcedAtAppend,
            because: "care.started requires needCode N1-N8 at append.")
        rules.add(
            "146",
            "Placement type code is not a valid code.",
            .notYetPorted,
            because: "The event format takes Z11-Z14 beside Z1 (the return writes them Z1 before 2025-26, and a Z1 "
                + "from 2025-26 as recorded, a finding); it still takes H5 and P2, which 146 refuses from 2025-26, "
                + "and refuses K3.")
        rules.add(
            "147",
            "Date episode ceased is not a valid date.",
            .enforcedAtAppend,
            because: "The events that end an episode have a date (occurred), refused at append when it is not a "
                + "real day.")
        rules.add(
            "148",
            "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
            .writtenByReturn,
            because: "journey return writes DEC with REC: care.ended requires a reason, and an episode ended by a "
                + "change within care is X1.")
        rules.add(
            "149",
            "Reason episode ceased code is not valid.",
            .enforcedAtAppend,
            because: "care.ended reason must be a reason episode ceased code (E11 to X1) at append.")
        rules.add(
            "151",
            "All data items relating to a childs adoption must be coded or left blank.",
            .notYetPorted,
            because: "An adopted child's AD1 with a decision but no match: adopted-without-match follows 601, the "
                + "same gap.")
        rules.add(
            "153",
            "All data items relating to a child's activity or accommodation after leaving care must be "
                + "coded or left blank.",
            .notYetPorted,
            because: "activity and accommodation are optional at append: a contact with some but not all three "
                + "items is still to check.")
        rules.add(
            "157",
            "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end "
                + "of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the "
                + "reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
            .notYetPorted,
            because: "SDQ1 given for a child aged 4 to 16: judgeable on the stream.")
        rules.add(
            "158",
            "If a child has been recorded as receiving an intervention for their substance misuse "
                + "problem, then the additional item on whether an intervention was offered should be left "
                + "blank.",
            .notYetPorted,
            because: "interventionOffered given with interventionReceived true: judgeable on the stream.")
        rules.add(
            "159",
            "If a child has been recorded as not receiving an intervention for their substance misuse "
                + "problem, then the additional item on whether an intervention was offered should be completed"
                + " as well.",
            .notYetPorted,
            because: "interventionOffered missing with interventionReceived false: judgeable on the stream.")
        rules.add(
            "164",
            "Distance is not valid. Please check a valid postcode has been entered.",
            .notYetPorted,
            because: "distanceMiles is refused below 0 at append but not above 999.9: judgeable on the stream.")
        rules.add(
            "165",
            "Data entry for mother status is invalid.",
            .notYetPorted,
            because: "journey return writes MOTHER 0 or 1 from motherhood.recorded, for a girl with an episode "
                + "outside short breaks alone, but the event is optional: such a girl with none is still to check.",
            note: "The validator tests SEX as \"1\" or \"2\", the codes before 2024-25 (now M, F, U), so only "
                + "MOTHER's value is checked: a port follows the DfE's rule text.")
        rules.add(
            "166",
            "Date of review is invalid or blank.",
            .enforcedAtAppend,
            because: "care.reviewed has a date (occurred), refused at append when it is not a real day.")
        rules.add(
            "167",
            "Data entry for participation is invalid or blank.",
            .notYetPorted,
            because: "The participation code list is enforced at append, but participation is optional: a review "
                + "without one is still to check.")
        rules.add(
            "168",
            "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, "
                + "UN4 or UN5.",
            .notYetPorted,
            because: "upn is free text at append: its form (or UN1-UN5) can be checked on the stream.")
        rules.add(
            "169",
            "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode "
                + "has been entered.",
            .needsReferenceData,
            because: "PL_LA is not an event field: the return derives it from the placement postcode, which needs "
                + "a postcode lookup.")
        rules.add(
            "171",
            "Date of birth of mother's child is not a valid date.",
            .enforcedAtAppend,
            because: "motherhood.recorded firstChildBirthDate is refused at append when it is not a real day.")
        rules.add(
            "174",
            "Mother's child date of birth is recorded but sex shows that the child is a male.",
            .writtenByReturn,
            because: "journey return writes MOTHER and MC_DOB for girls only.")
        rules.add(
            "175",
            "The number of adopter(s) code is not a valid code.",
            .enforcedAtAppend,
            because: "adoption.matched adopters must be 1 or 2 at append.")
        rules.add(
            "176",
            "The gender of adopter(s) at the date of adoption code is not a valid code.",
            .enforcedAtAppend,
            because: "adoption.matched adoptersSex must be from its list at append.")
        rules.add(
            "177",
            "The legal status of adopter(s) code is not a valid code.",
            .enforcedAtAppend,
            because: "adoption.matched adoptersLegalStatus must be from its list at append.")
        rules.add(
            "178",
            "Placement provider code is not a valid code.",
            .notYetPorted,
            because: "Provider codes are enforced at append, but a provider on a temporary placement (T0-T3) is "
                + "accepted: judgeable on the stream.")
        rules.add(
            "179",
            "Placement location code is not a valid code.",
            .needsReferenceData,
            because: "PL_LOCATION is not an event field: in or out of the LA needs the LA of the placement "
                + "postcode.")
        rules.add(
            "180",
            "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
            .enforcedAtAppend,
            because: "An sdq.recorded score over 40 is refused at append.")
        rules.add(
            "181",
            "Data items relating to children looked after continuously for 12 months should be completed "
                + "with a 0 or 1.",
            .writtenByReturn,
            because: "journey return writes each OC2 item as 1 or 0 from the events: no other value can be "
                + "written.")
        rules.add(
            "182",
            "Data entries on immunisations, teeth checks, health assessments and substance misuse problem"
                + " identified should be completed or all OC2 fields should be left blank.",
            .notYetPorted,
            because: "A child with an OC2 row whose immunisations were never recorded (no immunisations.recorded):"
                + " judgeable on the stream.")
        rules.add(
            "184",
            "Date of decision that a child should be placed for adoption is before the child was born.",
            .notYetPorted,
            because: "dated-before-birth tests an adoption decision before birth but names no rule.")
        rules.add(
            "185",
            "Child has not been looked after continuously for at least 12 months at 31 March but a "
                + "Strengths and Difficulties (SDQ) score has been completed.",
            .notYetPorted,
            because: "An SDQ score for a child not looked after for 12 months: judgeable on the stream.")
        rules.add(
            "186",
            "Children aged 4 or over at the start of the year and children aged under 17 at the end of "
                + "the year and who have been looked after for at least 12 months continuously should have a "
                + "Strengths and Difficulties (SDQ) score completed.",
            .notYetPorted,
            because: "No SDQ score or reason for a child aged 4 to 16 looked after for 12 months: judgeable on the"
                + " stream.")
        rules.add(
            "187",
            "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of "
                + "adoption or care leavers returns completed.",
            .notYetPorted,
            because: "An adoption or care leaver contact for a child looked after for 12 months: judgeable on the "
                + "stream.")
        rules.add(
            "188",
            "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) "
                + "score or a reason for no SDQ score has been completed.",
            .notYetPorted,
            because: "An SDQ score or reason for a child under 4 at the end of the year: sdq-outside-ages-4-to-16 "
                + "finds the score on its own date, and names 157 only.")
        rules.add(
            "189",
            "Child is aged 17 years or over at the beginning of the year, but an Strengths and "
                + "Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been "
                + "completed.",
            .notYetPorted,
            because: "An SDQ score or reason for a child aged 17 or over at the start of the year: "
                + "sdq-outside-ages-4-to-16 finds the score on its own date, and names 157 only.")
        rules.add(
            "190",
            "Child has not been looked after continuously for at least 12 months at 31 March but one or "
                + "more data items relating to children looked after for 12 months have been completed.",
            .notYetPorted,
            because: "OC2 items for a child not looked after for 12 months: judgeable on the stream.")
        rules.add(
            "191",
            "Child has been looked after continuously for at least 12 months at 31 March but one or more "
                + "data items relating to children looked after for 12 months have been left blank.",
            .notYetPorted,
            because: "A child looked after for 12 months with no immunisations.recorded (the other items are 0 "
                + "when no event): judgeable on the stream.")
        rules.add(
            "192",
            "Child has been identified as having a substance misuse problem but the additional item on "
                + "whether an intervention was received has been left blank.",
            .notYetPorted,
            because: "interventionReceived is optional at append: a substance misuse problem without it is still "
                + "to check.")
        rules.add(
            "193",
            "Child not identified as having a substance misuse problem but at least one of the two "
                + "additional items on whether an intervention were offered and received have been completed.",
            .writtenByReturn,
            because: "The intervention items come only with substance-misuse.identified, so the return cannot "
                + "write them without one.")
        rules.add(
            "196",
            "Strengths and Difficulties (SDQ) reason is not a valid code.",
            .enforcedAtAppend,
            because: "sdq.recorded reasonNotTaken must be SDQ1-SDQ5 at append.")
        rules.add(
            "197B",
            "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
            .notYetPorted,
            because: "No SDQ score or reason for a child turning 4 or 17 in the year and looked after for 12 "
                + "months: judgeable on the stream.")
        rules.add(
            "197a",
            "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and "
                + "Difficulties Questionnaire score is filled in.",
            .enforcedAtAppend,
            because: "An sdq.recorded with both a score and a reason is refused at append.")
        rules.add(
            "198",
            "Child has not been looked after continuously for at least 12 months at 31 March but a reason"
                + " for no Strengths and Difficulties (SDQ) score has been completed.",
            .notYetPorted,
            because: "A reason for no SDQ for a child not looked after for 12 months: judgeable on the stream.")
        rules.add(
            "199",
            "Episode information shows child has been previously adopted from care.",
            .notYetPorted,
            because: "A period of care after the child was adopted (E11, E12): judgeable on the stream's whole "
                + "history.")
        rules.add(
            "202",
            "The gender code conflicts with the gender already recorded for this child.",
            .needsPreviousReturn,
            because: "Sex differs from last year's return: about two returns (the replay keeps one value per "
                + "child).")
        rules.add(
            "203",
            "Date of birth disagrees with the date of birth already recorded for this child.",
            .needsPreviousReturn,
            because: "Date of birth differs from last year's return: about two returns (the replay keeps one value"
                + " per child).")
        rules.add(
            "204",
            "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
            .needsPreviousReturn,
            because: "Ethnicity differs from last year's return: about two returns (the replay keeps one value per"
                + " child).")
        rules.add(
            "205A",
            "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both"
                + " years does not support this.",
            .notApplicable,
            because: "Needs the date UASC status ceased (DUC), which the event format does not record, and last "
                + "year's return.")
        rules.add(
            "205B",
            "Child previously identified as UASC is also UASC this year, but date UASC ceased in both "
                + "years does not support this.",
            .notApplicable,
            because: "Needs the date UASC status ceased (DUC), which the event format does not record, and last "
                + "year's return.")
        rules.add(
            "205C",
            "Child not identified as UASC either this year or last year but date UASC ceased has been "
                + "provided.",
            .notApplicable,
            because: "The event format has no date UASC status ceased (DUC), so the return writes none.")
        rules.add(
            "205D",
            "Child identified as UASC this year but not identified as UASC status provided for the child "
                + "last year.",
            .needsPreviousReturn,
            because: "UASC this year but not last: about two returns.")
        rules.add(
            "207",
            "Mother status for the current year disagrees with the mother status already recorded for "
                + "this child.",
            .needsPreviousReturn,
            because: "MOTHER this year against last year's: about two returns.")
        rules.add(
            "208",
            "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) "
                + "already recorded for this child.",
            .needsPreviousReturn,
            because: "UPN differs from last year's return: about two returns.")
        rules.add(
            "209",
            "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN)"
                + " code of UN1.",
            .notYetPorted,
            because: "UPN UN1 for a child of school age: judgeable on the stream (upn is free text).")
        rules.add(
            "210",
            "Children looked after for more than a week at 31 March should not have an unknown Unique "
                + "Pupil Number (UPN) code of UN4.",
            .notYetPorted,
            because: "UPN UN4 for a child looked after more than a week at 31 March: judgeable on the stream (upn "
                + "is free text).")
        rules.add(
            "213",
            "Placement provider information not required.",
            .notYetPorted,
            because: "A provider on a temporary placement is accepted at append: judgeable on the stream.")
        rules.add(
            "214",
            "Placement location information not required.",
            .writtenByReturn,
            because: "journey return writes no PL_POST or URN on a row under V3 or V4; the log may hold them, as a "
                + "case system does.")
        rules.add(
            "215",
            "Child has care leaver information but one or more data items relating to children looked "
                + "after for 12 months have been completed.",
            .notYetPorted,
            because: "A care leaver contact and OC2 items for one child: judgeable on the stream.")
        rules.add(
            "217",
            "Children who are placed for adoption with current foster carers (placement types A3 or A5) "
                + "must have a reason for new episode of S, T or U.",
            .notYetPorted,
            because: "An A3 or A5 placement (with current foster carers) not marked sameCarer nor starting care: "
                + "judgeable on the stream.",
            note: "The validator flags every row of an A3 or A5 placement whose RNE is not S, T or U, a later "
                + "change of legal status (L) too: a port follows the DfE's rule text, the placement's own row.")
        rules.add(
            "218",
            "Ofsted Unique reference number (URN) is required.",
            .needsReferenceData,
            because: "A placement needing a URN without one: judgeable, but the out-of-England exemption needs the"
                + " LA of the placement postcode.")
        rules.add(
            "219",
            "The Ofsted Unique reference number (URN) provided for the child's placement does not match "
                + "the placement type recorded.",
            .needsReferenceData,
            because: "URN against placement type: needs Ofsted's list of providers.")
        rules.add(
            "221",
            "The Ofsted Unique reference number (URN) provided for the child's placement does not match "
                + "the placement postcode provided.",
            .needsReferenceData,
            because: "URN against placement postcode: needs Ofsted's list of providers.")
        rules.add(
            "222",
            "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
            .notYetPorted,
            because: "A URN on a placement type that should have none: judgeable on the stream.")
        rules.add(
            "224",
            "The Ofsted Unique reference number (URN) provided for the child's placement does not match "
                + "the placement provider recorded.",
            .needsReferenceData,
            because: "URN against placement provider: needs Ofsted's list of providers.")
        rules.add(
            "225",
            "Reason for placement change must be recorded.",
            .notYetPorted,
            because: "placement.ended reason is optional at append: a move without one is still to check.")
        rules.add(
            "226",
            "Reason for placement change is not required for temporary placements.",
            .notYetPorted,
            because: "A reason for placement change on a temporary placement is accepted at append: judgeable on "
                + "the stream.")
        rules.add(
            "227",
            "Ofsted Unique reference number (URN) is not valid for the episode start date.",
            .needsReferenceData,
            because: "URN registration dates against the episode start: needs Ofsted's list of providers.")
        rules.add(
            "228",
            "Ofsted Unique reference number (URN) is not valid for the episode end date",
            .needsReferenceData,
            because: "URN registration dates against the episode end: needs Ofsted's list of providers.")
        rules.add(
            "229",
            "Placement provider does not match between the placing authority and the local authority code"
                + " of the provider.",
            .needsReferenceData,
            because: "Provider against the LA of the URN's premises: needs Ofsted's list of providers and "
                + "postcodes.")
        rules.add(
            "231",
            "We expect that unaccompanied asylum seeking children are generally older young people. "
                + "Please check the date of birth is correct. If the date of birth is correct then please "
                + "provide details in a bypass request.",
            .notYetPorted,
            because: "A UASC child under 11 at the end of the year: judgeable on the stream.")
        rules.add(
            "232",
            "Sex of the child/young person has been reported as unknown.",
            .notYetPorted,
            because: "Sex recorded U: judgeable on the stream.")
        rules.add(
            "233",
            "Reason for placement change is not required when the episode has not ceased.",
            .writtenByReturn,
            because: "A reason for placement change comes only with placement.ended, so the return writes none on "
                + "an episode that has not ceased.")
        rules.add(
            "234",
            "A child aged under 10 can not change placement due to being admitted to custody",
            .notYetPorted,
            because: "CUSTOD as the reason for a placement change of a child under 10: judgeable on the stream.",
            note: "The validator takes the child's age on the DECOM of the row that carries the reason, the day the "
                + "ending placement's row began, not the day of the change: a port follows the DfE's rule text.")
        rules.add(
            "241",
            "LA of placement is not an LA the provider has premises.",
            .needsReferenceData,
            because: "K3 placed outside the LA: needs the LA of the placement postcode (and K3 is not yet a code "
                + "of the event format).")
        rules.add(
            "242",
            "URN = 'XXXXXXX' can only be used for regional adoption agencies",
            .notYetPorted,
            because: "URN XXXXXXX on a placement other than adoption or fostering: judgeable on the stream (urn is"
                + " free text).")
        rules.add(
            "243",
            "Only placements with providers registered with Ofsted should have a URN reported.",
            .needsReferenceData,
            because: "A URN for a placement outside England: needs the LA of the placement postcode.")
        rules.add(
            "301",
            "Date of birth falls after the year ended.",
            .notYetPorted,
            because: "A birth date after the end of the year: judgeable on the stream.")
        rules.add(
            "302",
            "First episode starts before child was born.",
            .notYetPorted,
            because: "dated-before-birth tests a period of care before birth but names no rule.")
        rules.add(
            "303",
            "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status "
                + "must be coded 1.",
            .notApplicable,
            because: "The event format has no date UASC status ceased (DUC), so the return writes none.")
        rules.add(
            "304",
            "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th "
                + "birthday of a child.",
            .notApplicable,
            because: "The event format has no date UASC status ceased (DUC), so the return writes none.")
        rules.add(
            "331",
            "Date of matching child and adopter(s) should be the same as, or prior to, the date of "
                + "placement of adoption.",
            .notYetPorted,
            because: "An adoption match after the placement for adoption began: judgeable on the stream.")
        rules.add(
            "333",
            "Date should be placed for adoption must be on or prior to the date of matching child with "
                + "adopter(s).",
            .notYetPorted,
            because: "An adoption match with no decision, or before it: judgeable on the stream.")
        rules.add(
            "334",
            "Date child started to be looked after in latest period of care must be on or prior to the "
                + "date should be placed for adoption.",
            .notYetPorted,
            because: "An adoption decision before the latest period of care started: judgeable on the stream.")
        rules.add(
            "335",
            "The current foster value (0) suggests that child is not adopted by current foster carer, but"
                + " last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is "
                + "adopted by current foster carer, but last placement is A1, A4 or A6.",
            .notYetPorted,
            because: "fosterCarerAdopting against the last placement type (A3/A5 or A4/A6): judgeable on the "
                + "stream.",
            note: "The validator names codes no longer in use (A1, A2, E1) beside A3-A6 and E11, E12: a port "
                + "follows the DfE's rule text.")
        rules.add(
            "336",
            "Child does not have a foster placement immediately prior to being placed for adoption.",
            .notYetPorted,
            because: "A placement for adoption (A3, A4) not preceded by a foster or adoption placement: judgeable "
                + "on the stream.")
        rules.add(
            "344",
            "The record shows the young person has died or returned home to live with parent(s) or "
                + "someone with parental responsibility for a continuous period of 6 months or more, but "
                + "activity and/or accommodation on leaving care have been completed.",
            .notYetPorted,
            because: "Activity or accommodation given for a young person who died or returned home: judgeable on "
                + "the stream.")
        rules.add(
            "345",
            "The data collection record shows the local authority is in touch with this young person, but"
                + " activity and/or accommodation data items are zero.",
            .notYetPorted,
            because: "In touch but activity or accommodation not known: judgeable on the stream.")
        rules.add(
            "347",
            "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
            .notYetPorted,
            because: "A care leaver under 18 in a foyer: judgeable on the stream.",
            note: "The validator tests ACCOM equal to \"T\", which no code is (T1, T2), so it never fires: a "
                + "port follows the DfE's rule text.")
        rules.add(
            "348",
            "Care leaver has previously been reported as having died.",
            .needsPreviousReturn,
            because: "A care leaver reported as died last year: about two returns.")
        rules.add(
            "351",
            "Child was over 25 at the start of the current collection year.",
            .notYetPorted,
            because: "A child over 25 at the start of the year: judgeable on the stream.")
        rules.add(
            "352",
            "Child who started to be looked after was aged 18 or over.",
            .notYetPorted,
            because: "Care started at 18 or over: judgeable on the stream.")
        rules.add(
            "353",
            "No episode submitted can start before 14 October 1991.",
            .notYetPorted,
            because: "An episode starting before 14 October 1991: judgeable on the stream (the append takes any "
                + "real date).")
        rules.add(
            "354",
            "Date episode ceased must be on or before the end of the current collection year.",
            .writtenByReturn,
            because: "journey return as at 31 March writes no episode starting after it.")
        rules.add(
            "355",
            "Episode appears to have lasted for less than 24 hours",
            .notYetPorted,
            because: "An episode starting and ending on one day: judgeable on the stream.")
        rules.add(
            "356",
            "The date the episode ceased is before the date the same episode started.",
            .notYetPorted,
            because: "care-ends-before-start and placement-ends-before-start test this but do not name the rule.")
        rules.add(
            "357",
            "If this is the first episode ever for this child, reason for new episode must be S. Check "
                + "whether there is an episode immediately preceding this one, which has been left out. If not "
                + "the reason for new episode code must be amended to S.",
            .writtenByReturn,
            because: "journey return writes RNE S on the episode that starts each period of care.")
        rules.add(
            "358",
            "Child with this legal status should not be under 10.",
            .notYetPorted,
            because: "Legal status J1-J3 for a child under 10: judgeable on the stream.")
        rules.add(
            "359",
            "Child being looked after following 18th birthday must be accommodated under section 20(5) of"
                + " the Children Act 1989 in a community home.",
            .notYetPorted,
            because: "A child over 18 still looked after other than V2 in K2: judgeable on the stream.")
        rules.add(
            "361",
            "Police protection legal status lasted longer than maximum 72 hours allowed in the Children "
                + "Act 1989.",
            .notYetPorted,
            because: "Police protection (L1) over 72 hours: judgeable on the stream.")
        rules.add(
            "362",
            "Emergency protection order (EPO) lasted longer than 21 days",
            .notYetPorted,
            because: "An emergency protection order (L2) over 21 days: judgeable on the stream.")
        rules.add(
            "363",
            "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
            .notYetPorted,
            because: "A child assessment order (L3) over 7 days: judgeable on the stream.")
        rules.add(
            "364",
            "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child"
                + " can be detained in custody in Local Authority (LA) accommodation.",
            .notYetPorted,
            because: "PACE accommodation (J2) over 21 days: judgeable on the stream.")
        rules.add(
            "365",
            "Any individual short- term respite placement must not exceed 17 days.",
            .notYetPorted,
            because: "A short break (V3) over 17 days: judgeable on the stream.")
        rules.add(
            "366",
            "A child cannot change placement during the course of an individual short-term respite break.",
            .notYetPorted,
            because: "A change of placement or legal status during a short break (V3): judgeable on the stream.")
        rules.add(
            "367",
            "The maximum amount of respite care allowable is 75 days in any 12-month period.",
            .notYetPorted,
            because: "More than 75 days of short breaks (V3) in the year: judgeable on the stream.")
        rules.add(
            "371",
            "Child in supported accomodation not subject to children’s homes regulations should be at "
                + "least 16.",
            .notApplicable,
            because: "K3 is not yet a placement type of the event format, so no K3 placement can be recorded.")
        rules.add(
            "372",
            "Child in youth custody or prison should be at least 10.",
            .notYetPorted,
            because: "A child under 10 placed in custody (R5): judgeable on the stream.")
        rules.add(
            "373",
            "Child placed in a school should be at least 4 years old.",
            .notYetPorted,
            because: "A child under 4 placed in a school (S1): judgeable on the stream.")
        rules.add(
            "374",
            "Child in residential employment should be at least 14 years old.",
            .notYetPorted,
            because: "A child under 14 in residential employment (P3): judgeable on the stream.")
        rules.add(
            "375",
            "Hospitalisation coded as a temporary placement exceeds six weeks.",
            .notYetPorted,
            because: "A T1 temporary placement over six weeks: judgeable on the stream.")
        rules.add(
            "376",
            "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed "
                + "three weeks.",
            .notYetPorted,
            because: "A T3 temporary placement over three weeks: judgeable on the stream.")
        rules.add(
            "377",
            "Only two temporary placements coded as being due to holiday of usual foster carer(s) are "
                + "allowed in any 12- month period.",
            .notYetPorted,
            because: "More than two T3 placements in the year: judgeable on the stream.")
        rules.add(
            "378",
            "A child who is placed with parent(s) cannot be looked after under a single period of "
                + "accommodation under Section 20 of the Children Act 1989.",
            .notYetPorted,
            because: "A placement with parents (P1) under V2: judgeable on the stream.")
        rules.add(
            "379",
            "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
            .notYetPorted,
            because: "A T4 temporary placement over seven days: judgeable on the stream.")
        rules.add(
            "380",
            "A period of care cannot start with a temporary placement.",
            .notYetPorted,
            because: "A period of care starting with a temporary placement: judgeable on the stream.")
        rules.add(
            "381",
            "A period of care cannot end with a temporary placement.",
            .notYetPorted,
            because: "A period of care ending during a temporary placement: judgeable on the stream.")
        rules.add(
            "382",
            "A child receiving respite care cannot be in a temporary placement.",
            .notYetPorted,
            because: "A temporary placement during short breaks (V3, V4): judgeable on the stream.")
        rules.add(
            "383",
            "A child in a temporary placement must subsequently return to his/her normal placement.",
            .notYetPorted,
            because: "A temporary placement followed by a placement other than the one it interrupted: judgeable "
                + "on the stream.",
            note: "The validator's code (lac2025_26) compares the PL_POST of the rows before and after the temporary "
                + "placement as pandas values, where blank is not equal to blank, so every return to a placement "
                + "with no postcode is flagged.")
        rules.add(
            "384",
            "A child receiving respite care cannot be in a long-term foster placement",
            .notYetPorted,
            because: "Short breaks (V3, V4) in a long-term foster placement (U1, U4): judgeable on the stream.")
        rules.add(
            "385",
            "Date episode ceased must be on or before the end of the current collection year.",
            .writtenByReturn,
            because: "journey return as at 31 March writes no episode end after it.")
        rules.add(
            "386",
            "Reason episode ceased is adopted but child has reached age 18.",
            .notYetPorted,
            because: "Adopted (E11, E12) at 18 or over: judgeable on the stream.")
        rules.add(
            "387",
            "Reason episode ceased is child moved into independent living arrangement, but the child is "
                + "aged under 14.",
            .notYetPorted,
            because: "Independent living (E5, E6) under 14: judgeable on the stream.")
        rules.add(
            "388",
            "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
            .writtenByReturn,
            because: "journey return writes X1 exactly when the next episode of the period starts on the day the "
                + "last ends.")
        rules.add(
            "389",
            "Reason episode ceased is that child transferred to care of adult social care services, but "
                + "child is aged under 16.",
            .notYetPorted,
            because: "Transferred to adult social care (E7) under 16: judgeable on the stream.")
        rules.add(
            "390",
            "Reason episode ceased is adopted but child has not been previously placed for adoption.",
            .notYetPorted,
            because: "Adopted (E11, E12) from a placement other than A3-A6: judgeable on the stream.")
        rules.add(
            "391",
            "Young person was not 17, 18, 19, 20 or 21 during the current collection year.",
            .notYetPorted,
            because: "A care leaver contact for a young person not aged 17 to 21 in the year: judgeable on the "
                + "stream.")
        rules.add(
            "392a",
            "Child is looked after but no distance is recorded.",
            .notYetPorted,
            because: "distanceMiles is optional at append: a placement (not V3, V4, not UASC) without it is still "
                + "to check.")
        rules.add(
            "392b",
            "Child is looked after but no postcodes are recorded.",
            .notYetPorted,
            because: "journey return writes HOME_POST from home-postcode.recorded and PL_POST from placement.started,"
                + " but both are optional: a placement (not V3, V4, not UASC) without them is still to check.")
        rules.add(
            "392c",
            "Postcode(s) provided are invalid.",
            .needsReferenceData,
            because: "Postcodes that are not real postcodes: needs the postcode list.")
        rules.add(
            "392d",
            "Home and placement postcodes should not be same unless the placement type is P1.",
            .notYetPorted,
            because: "A placement other than P1 at the child's home postcode (home-postcode.recorded): judgeable on "
                + "the stream.")
        rules.add(
            "393",
            "Child is looked after but mother field is not completed.",
            .notYetPorted,
            because: "journey return writes MOTHER from motherhood.recorded, which is optional: a girl looked after "
                + "(not V3, V4 alone) with none recorded is still to check.")
        rules.add(
            "398",
            "Distance field completed but child looked after under legal status V3 or V4.",
            .writtenByReturn,
            because: "The validator works the distance out from the postcodes, and journey return writes no "
                + "PL_POST on a row under V3 or V4 (nor any HOME_POST).")
        rules.add(
            "399",
            "Mother field, review field or participation field are completed but child is looked after "
                + "under legal status V3 or V4.",
            .notYetPorted,
            because: "A review of a child looked after only under V3 or V4: judgeable on the stream (journey "
                + "return writes no MOTHER for such a child).")
        rules.add(
            "406",
            "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be "
                + "blank.",
            .notYetPorted,
            because: "A distance for a UASC child: judgeable on the stream.")
        rules.add(
            "407",
            "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
            .notYetPorted,
            because: "A special guardianship order (E45-E48) at 18 or over: judgeable on the stream.")
        rules.add(
            "408",
            "Child is placed for adoption with a placement order, but no placement order has been "
                + "recorded.",
            .notYetPorted,
            because: "A placement for adoption with a placement order (A5, A6) under a legal status other than E1:"
                + " judgeable on the stream.")
        rules.add(
            "411",
            "Placement location code disagrees with LA of placement.",
            .needsReferenceData,
            because: "PL_LOCATION against PL_LA: both come from the placement postcode, which needs a postcode "
                + "lookup.")
        rules.add(
            "420",
            "LA of placement completed but child is looked after under legal status V3 or V4.",
            .needsReferenceData,
            because: "PL_LA for a V3 or V4 placement: PL_LA comes from the placement postcode (see 398 for the "
                + "postcode itself).")
        rules.add(
            "426",
            "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the "
                + "same year.",
            .notYetPorted,
            because: "Short breaks under both V3 and V4 in the year: judgeable on the stream.")
        rules.add(
            "431",
            "The reason for new episode is started to be looked after, but the previous episode ended on "
                + "the same day.",
            .notYetPorted,
            because: "A period of care starting on the day the previous one ended: judgeable on the stream.")
        rules.add(
            "432",
            "The child ceased to be looked after at the end of the previous episode but the reason for "
                + "the new episode is not started to be looked after.",
            .writtenByReturn,
            because: "journey return writes RNE S on the first episode after a care.ended.")
        rules.add(
            "433",
            "The reason for new episode suggests that this is a continuation episode, but the episode "
                + "does not start on the same day as the last episode finished.",
            .writtenByReturn,
            because: "journey return writes RNE P, L, T, U or B only for an episode starting the day the previous "
                + "one ended.")
        rules.add(
            "434",
            "Reason for new episode is that child's legal status has changed but not the placement, but "
                + "this is not reflected in the episode data.",
            .notYetPorted,
            because: "A legal-status.changed to the status already in force, or with a placement change on the "
                + "same day: judgeable on the stream.")
        rules.add(
            "435",
            "Reason for new episode is that child’s placement has changed but not the legal status, but "
                + "this is not reflected in the episode data recorded.",
            .notYetPorted,
            because: "A placement change with nothing changed, or with a legal status change on the same day: "
                + "judgeable on the stream.")
        rules.add(
            "436",
            "Reason for new episode is that both child’s placement and legal status have changed, but "
                + "this is not reflected in the episode data.",
            .notYetPorted,
            because: "A change of both placement and legal status where one of them did not change: judgeable on "
                + "the stream.")
        rules.add(
            "437",
            "Reason episode ceased is child has died or is aged 18 or over but there are further "
                + "episodes.",
            .notYetPorted,
            because: "A period of care after one that ended E2 (died) or E15 (aged 18 or over): judgeable on the "
                + "stream.")
        rules.add(
            "440",
            "Participation method indicates child was under 4 years old at the time of the review, but "
                + "date of birth and review date indicates the child was 4 years old or over.",
            .notYetPorted,
            because: "Participation PN0 (under 4) at a review of a child aged 4 or over: judgeable on the stream.")
        rules.add(
            "441",
            "Participation method indicates child was 4 years old or over at the time of the review, but "
                + "the date of birth and review date indicates the child was under 4 years old.",
            .notYetPorted,
            because: "Participation PN1-PN7 at a review of a child under 4: judgeable on the stream.")
        rules.add(
            "442",
            "Unique Pupil Number (UPN) field is not completed.",
            .writtenByReturn,
            because: "journey return writes UN5 (UPN not found) for a child with no UPN recorded, so UPN is never "
                + "blank.")
        rules.add(
            "444",
            "Duplicate UPN has been reported",
            .notYetPorted,
            because: "Two children with one UPN: judgeable across the log, but checks read one child at a time.")
        rules.add(
            "446",
            "E1 is not a valid code for episodes starting before December 2005.",
            .notYetPorted,
            because: "Legal status E1 on an episode starting before December 2005: judgeable on the stream.")
        rules.add(
            "452",
            "Contradiction between local authority of placement code in the last episode of the previous "
                + "year and in the first episode of the current year.",
            .needsPreviousReturn,
            because: "Placement LA differs from last year's open episode: about two returns.")
        rules.add(
            "453",
            "Contradiction between placement distance in the last episode of the previous year and in the"
                + " first episode of the current year.",
            .needsPreviousReturn,
            because: "Placement distance differs from last year's open episode: about two returns.")
        rules.add(
            "454",
            "Placement distance from home is over 350 miles.",
            .notYetPorted,
            because: "A placement distance over 350 miles: judgeable on the stream.")
        rules.add(
            "460",
            "Reason episode ceased is that child stayed with current carers at age 18 (or above), but "
                + "child is aged under 18.",
            .notYetPorted,
            because: "Stayed with current carers at 18 (E17) but aged under 18: judgeable on the stream.")
        rules.add(
            "501",
            "A new episode has started before the end date of the previous episode.",
            .notYetPorted,
            because: "An episode starting before the previous one ended: judgeable on the stream.")
        rules.add(
            "502",
            "Last year's record ended with an open episode. The date on which that episode started does "
                + "not match the start date of the first episode on this year’s record.",
            .needsPreviousReturn,
            because: "The first episode differs from last year's open episode: about two returns.")
        rules.add(
            "503A",
            "The reason for new episode in the first episode does not match open episode at end of last "
                + "year.",
            .needsPreviousReturn,
            because: "The first episode's RNE differs from last year's open episode: about two returns.")
        rules.add(
            "503B",
            "The legal status in the first episode does not match open episode at end of last year.",
            .needsPreviousReturn,
            because: "The first episode's legal status differs from last year's open episode: about two returns.")
        rules.add(
            "503C",
            "The category of need in the first episode does not match open episode at end of last year.",
            .needsPreviousReturn,
            because: "The first episode's category of need differs from last year's open episode: about two "
                + "returns.")
        rules.add(
            "503D",
            "The placement type in the first episode does not match open episode at end of last year",
            .needsPreviousReturn,
            because: "The first episode's placement type differs from last year's open episode: about two returns.")
        rules.add(
            "503E",
            "The placement provider in the first episode does not match open episode at end of last year.",
            .needsPreviousReturn,
            because: "The first episode's provider differs from last year's open episode: about two returns.")
        rules.add(
            "503F",
            "The Ofsted URN in the first episode does not match open episode at end of last year.",
            .needsPreviousReturn,
            because: "The first episode's URN differs from last year's open episode: about two returns.")
        rules.add(
            "503G",
            "The distance in first episode does not match open episode at end of last year.",
            .needsPreviousReturn,
            because: "The first episode's distance differs from last year's open episode: about two returns.")
        rules.add(
            "503H",
            "The placement LA in first episode does not match open episode at end of last year.",
            .needsPreviousReturn,
            because: "The first episode's placement LA differs from last year's open episode: about two returns.")
        rules.add(
            "503J",
            "The placement location in first episode does not match open episode at end of last year.",
            .needsPreviousReturn,
            because: "The first episode's placement location differs from last year's open episode: about two "
                + "returns.")
        rules.add(
            "504",
            "The category of need code differs from that reported at start of current period of being "
                + "looked after",
            .writtenByReturn,
            because: "journey return writes the period's one category of need (care.started needCode) on each of "
                + "its episodes.")
        rules.add(
            "511",
            "If reporting that the number of person(s) adopting the looked after child is two adopters "
                + "then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the"
                + " adopting couple are both females; MF = The adopting couple are male and female.",
            .notYetPorted,
            because: "Two adopters with a single adopter's sex code (M1, F1): judgeable on the stream.")
        rules.add(
            "514",
            "Data entry on the legal status of adopters shows a single adopter but data entry for the "
                + "numbers of adopters shows it as a couple.",
            .notYetPorted,
            because: "A single adopter (L0) with a couple's sex code: judgeable on the stream.")
        rules.add(
            "516",
            "The episode data submitted for this child does not show that he/she was with their former "
                + "foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the "
                + "child must have a placement code of U1 to U6.",
            .notYetPorted,
            because: "A special guardianship order to foster carers (E45, E46) from a placement other than U1-U6: "
                + "judgeable on the stream.")
        rules.add(
            "517",
            "If reporting legal status of adopters is L3 then the genders of adopters should be coded as "
                + "MF. MF = the adopting couple are male and female.",
            .notYetPorted,
            because: "Adopters' legal status L3 with a sex code other than MF: judgeable on the stream.")
        rules.add(
            "518",
            "If reporting legal status of adopters is L4 then the genders of adopters should be coded as "
                + "MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both "
                + "females.",
            .notYetPorted,
            because: "Adopters' legal status L4 with a sex code other than MM or FF: judgeable on the stream.")
        rules.add(
            "519",
            "Data entered on the legal status of adopters shows civil partnership couple, but data "
                + "entered on genders of adopters does not show it as a couple.",
            .notYetPorted,
            because: "Adopters' legal status L2 (civil partnership) with a single adopter's sex code: judgeable on"
                + " the stream.")
        rules.add(
            "520",
            "Data entry on the legal status of adopters shows different gender married couple but data "
                + "entry on genders of adopters shows it as a same gender couple.",
            .notYetPorted,
            because: "Adopters' legal status L11 with a sex code other than MF: judgeable on the stream.")
        rules.add(
            "521",
            "Date of local authority's decision (LA) that adoption is in the best interests of the child "
                + "(date should be placed) must be on or prior to the date the child is placed for adoption.",
            .notYetPorted,
            because: "A placement for adoption (A3-A6) before the decision: judgeable on the stream.")
        rules.add(
            "522",
            "Date of decision that the child should be placed for adoption must be on or before the date "
                + "that a child should no longer be placed for adoption.",
            .notYetPorted,
            because: "A reversal of the adoption decision before the decision: judgeable on the stream.")
        rules.add(
            "523",
            "Date of decision that the child should be placed for adoption should be the same date as the"
                + " decision that adoption is in the best interest (date should be placed).",
            .writtenByReturn,
            because: "journey return writes DATE_PLACED and DATE_INT from the same adoption.decided date.")
        rules.add(
            "524",
            "If reporting legal status of adopters is L12 then the genders of adopters should be coded as"
                + " MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both "
                + "females",
            .notYetPorted,
            because: "Adopters' legal status L12 with a sex code other than MM or FF: judgeable on the stream.")
        rules.add(
            "525",
            "A child for whom the decision to be placed for adoption has been reversed cannot be adopted "
                + "during the year.",
            .notYetPorted,
            because: "An adoption for a child whose adoption decision was reversed: judgeable on the stream.")
        rules.add(
            "526",
            "Child is missing a placement provider code for at least one episode.",
            .notYetPorted,
            because: "provider is optional at append: a placement (not temporary) without one is still to check.")
        rules.add(
            "527",
            "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
            .notYetPorted,
            because: "Provider PR1 with placement P1, R2 or R5: judgeable on the stream.")
        rules.add(
            "528",
            "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
            .notYetPorted,
            because: "Provider PR2 with placement P1, R2 or R5: judgeable on the stream.")
        rules.add(
            "529",
            "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and"
                + " U1 to U6 as these placements cannot be provided by other public organisations.",
            .notYetPorted,
            because: "Provider PR3 with placement P1, A3-A6, K1, K2 or U1-U6: judgeable on the stream.")
        rules.add(
            "530",
            "A placement provider code of PR4 cannot be associated with placement P1.",
            .notYetPorted,
            because: "Provider PR4 with placement P1: judgeable on the stream.")
        rules.add(
            "531",
            "A placement provider code of PR5 cannot be associated with placements P1.",
            .notYetPorted,
            because: "Provider PR5 with placement P1: judgeable on the stream.")
        rules.add(
            "542",
            "A child aged under 10 at 31 March should not have conviction information completed.",
            .notYetPorted,
            because: "A conviction for a child under 10: judgeable on the stream.")
        rules.add(
            "543",
            "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months "
                + "yet conviction information has not been completed.",
            .writtenByReturn,
            because: "journey return writes CONVICTED as 1 or 0 for each child aged 10 or over in OC2 (0 when no "
                + "conviction.recorded).")
        rules.add(
            "544",
            "Any child who has conviction information completed must also have immunisation, teeth check,"
                + " health assessment and substance misuse problem identified fields completed.",
            .notYetPorted,
            because: "A conviction for a child whose immunisations were never recorded: judgeable on the stream "
                + "(the other items are 0 when no event).")
        rules.add(
            "545",
            "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet "
                + "health promotion information has not been completed.",
            .notYetPorted,
            because: "A child under 5 looked after for 12 months with no health-surveillance.recorded: judgeable "
                + "on the stream.")
        rules.add(
            "546",
            "Children aged 5 or over at 31 March should not have health promotion information completed.",
            .notYetPorted,
            because: "Health surveillance for a child aged 5 or over: judgeable on the stream.")
        rules.add(
            "547",
            "Any child who has health promotion information completed must also have immunisation, teeth "
                + "check, health assessment and substance misuse problem identified fields completed.",
            .notYetPorted,
            because: "Health surveillance up to date for a child whose immunisations were never recorded: "
                + "judgeable on the stream.")
        rules.add(
            "550",
            "A placement provider code of PR0 can only be associated with placement P1.",
            .notYetPorted,
            because: "Provider PR0 with a placement other than P1: judgeable on the stream.")
        rules.add(
            "551",
            "Child has been placed for adoption but there is no date of the decision that the child "
                + "should be placed for adoption.",
            .notYetPorted,
            because: "A placement for adoption (A3-A6) with no adoption decision: judgeable on the stream.")
        rules.add(
            "552",
            "Date of Decision to place a child for adoption should be on or prior to the date that the "
                + "child was placed for adoption.",
            .notYetPorted,
            because: "An adoption decision after the first placement for adoption: judgeable on the stream.")
        rules.add(
            "553",
            "Placement order has been granted but there is no date of decision that the child should be "
                + "placed for adoption.",
            .notYetPorted,
            because: "A placement order (E1) with no adoption decision: judgeable on the stream.")
        rules.add(
            "554",
            "Date of decision that the child should be placed for adoption should be on or prior to the "
                + "date that the placement order was granted.",
            .notYetPorted,
            because: "An adoption decision after the first placement order (E1): judgeable on the stream.")
        rules.add(
            "557",
            "Child for whom the decision was made that they should be placed for adoption has left care "
                + "but was not adopted and information on the decision that they should no longer be placed for"
                + " adoption items has not been completed.",
            .notYetPorted,
            because: "A child placed for adoption or under E1 who left care not adopted, with no reversal of the "
                + "decision: judgeable on the stream.")
        rules.add(
            "558",
            "If a child has been adopted, then the decision to place them for adoption has not been "
                + "disrupted and the date of the decision that a child should no longer be placed for adoption "
                + "should be left blank.",
            .notYetPorted,
            because: "An adopted child whose adoption decision was reversed: judgeable on the stream.")
        rules.add(
            "559",
            "Date of decision that a child should be placed for adoption was not in the current year but "
                + "the date of the decision that the child should be placed for adoption was not completed in a"
                + " previous return.",
            .needsPreviousReturn,
            because: "A decision dated before the year that last year's return did not hold: about two returns.")
        rules.add(
            "560",
            "Date of decision that the child should be placed for adoption this year is different from "
                + "that recorded last year but the decision to place the child for adoption did not change.",
            .needsPreviousReturn,
            because: "A decision date that differs from last year's: about two returns.")
        rules.add(
            "561",
            "Date of the decision that the child should be placed for adoption this year is the same as "
                + "that recorded last year but records show that the decision changed, and the child should no "
                + "longer be placed for adoption last year.",
            .needsPreviousReturn,
            because: "A decision date equal to last year's though last year's was reversed: about two returns.")
        rules.add(
            "562",
            "Episode commenced before the start of the current collection year but there is a missing "
                + "continuous episode in the previous year.",
            .needsPreviousReturn,
            because: "An episode starting before the year with no matching episode in last year's return: about "
                + "two returns.")
        rules.add(
            "563",
            "The child should no longer be placed for adoption but the date of the decision that the "
                + "child should be placed for adoption is blank",
            .notYetPorted,
            because: "A reversal with no adoption decision: judgeable on the stream.")
        rules.add(
            "564",
            "Child was missing or away from placement without authorisation and the date started is "
                + "blank.",
            .enforcedAtAppend,
            because: "missing.started has a date (occurred), always present.")
        rules.add(
            "565",
            "The date that the child started to be missing or away from placement without authorisation "
                + "has been completed but whether the child was missing or away from placement without "
                + "authorisation has not been completed.",
            .enforcedAtAppend,
            because: "missing.started requires kind.")
        rules.add(
            "566",
            "The date that the child's episode of being missing or away from placement without "
                + "authorisation ended has been completed but whether the child was missing or away without "
                + "authorisation has not been completed.",
            .notYetPorted,
            because: "An end of a missing episode that was never started: parent-not-recorded tests it but names "
                + "no rule.")
        rules.add(
            "567",
            "The date that the missing episode or episode that the child was away from placement without "
                + "authorisation ended is before the date that it started.",
            .notYetPorted,
            because: "missing-episode-ends-before-start tests this but does not name the rule.")
        rules.add(
            "570",
            "The date that the child started to be missing or away from placement without authorisation "
                + "is after the end of the collection year.",
            .writtenByReturn,
            because: "journey return as at 31 March writes no missing episode starting after it.")
        rules.add(
            "571",
            "The date that the child ceased to be missing or away from placement without authorisation is"
                + " before the start or after the end of the collection year.",
            .writtenByReturn,
            because: "journey return writes a missing end only when it falls in the year (an earlier end leaves "
                + "the episode out).")
        rules.add(
            "574",
            "A new missing/away from placement without authorisation period cannot start when the "
                + "previous missing/away from placement without authorisation period is still open. "
                + "Missing/away from placement without authorisation periods should also not overlap.",
            .notYetPorted,
            because: "A missing episode starting while another is open: judgeable on the stream.")
        rules.add(
            "575",
            "If the placement from which the child goes missing/away from placement without authorisation"
                + " ends, the missing/away from placement without authorisation period in the missing module "
                + "must also have an end date.",
            .notYetPorted,
            because: "A placement ending while a missing episode from it is still open: judgeable on the stream.")
        rules.add(
            "576",
            "There is an open missing/away from placement without authorisation period in last year’s "
                + "return and there is no corresponding period recorded at the start of this year.",
            .needsPreviousReturn,
            because: "An open missing episode in last year's return with none at the start of this year's: about "
                + "two returns.")
        rules.add(
            "577",
            "Child ceased to be looked after but there is a missing/away from placement without "
                + "authorisation period without an end date.",
            .notYetPorted,
            because: "A missing episode open after care ended, or outside the period of care: judgeable on the "
                + "stream.")
        rules.add(
            "578",
            "The date that the child started to be missing is after the child ceased to be looked after.",
            .notYetPorted,
            because: "A missing episode starting outside a period of care, the rows 581 flags too: judgeable on the"
                + " stream.")
        rules.add(
            "579",
            "A new decision that the child should be placed for adoption this year cannot start when the "
                + "previous decision is still open. Decisions to place the child for adoption should also not "
                + "overlap. The date of any new decision to place the child for adoption must not be before the"
                + " date placed ceased of previous decisions.",
            .notYetPorted,
            because: "A new adoption decision while an earlier one stands: judgeable on the stream.")
        rules.add(
            "580",
            "Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
            .notYetPorted,
            because: "Missing on the 18th birthday when care ended, with a reason other than E8: judgeable on the "
                + "stream.")
        rules.add(
            "581",
            "Child is missing but has not yet started to be looked after.",
            .notYetPorted,
            because: "A missing episode before care started: judgeable on the stream.")
        rules.add(
            "582",
            "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is "
                + "the same as the date reported for being matched with adopters. In most circumstances we "
                + "expect the date the child is matched with adopters to be before the date of adoption.",
            .notYetPorted,
            because: "Adopted on the day of the match: judgeable on the stream.")
        rules.add(
            "583",
            "More than one date the child should be placed for adoption has been reported, but an earlier"
                + " decision has not been revoked. Check that both dates are required and add in the date the "
                + "earlier decision was revoked. Note this may be in a previous year.",
            .notYetPorted,
            because: "Two adoption decisions, the earlier never reversed: judgeable on the stream.")
        rules.add(
            "584",
            "Date of decision that the child should be placed for adoption this year is different from "
                + "that recorded last year, but the decision to placed the child for adoption changed and the "
                + "child should no longer be placed for adoption.",
            .needsPreviousReturn,
            because: "A decision this year no later than last year's reversed one: about two returns.")
        rules.add(
            "586",
            "Dates of missing periods are before child’s date of birth.",
            .notYetPorted,
            because: "dated-before-birth tests a missing episode before birth but names no rule.")
        rules.add(
            "601",
            "The additional fields relating to adoption have not been completed although the episode data"
                + " shows that the child was adopted during the year.",
            .notYetPorted,
            because: "An adoption in the year whose AD1 row, written from the latest decision, has the match's items"
                + " blank: judgeable on the stream. A child adopted with no decision at all has no AD1 row, which 601"
                + " does not judge: adopted-without-decision finds that under no rule.")
        rules.add(
            "602",
            "The episode data submitted for this child does not show that he/she was adopted during the "
                + "year.",
            .writtenByReturn,
            because: "journey return writes AD1 only for children adopted (E11, E12) in the year.")
        rules.add(
            "607",
            "Child ceased to be looked after in the year, but mother field has not been completed.",
            .notYetPorted,
            because: "journey return writes MOTHER from motherhood.recorded, which is optional: a girl who ceased "
                + "to be looked after in the year with none recorded is still to check.")
        rules.add(
            "611",
            "Date of birth field is blank, but child is a mother.",
            .notYetPorted,
            because: "motherhood.recorded firstChildBirthDate is optional: a mother with none is judgeable on the "
                + "stream.")
        rules.add(
            "612",
            "Date of birth field has been completed but mother field indicates child is not a mother.",
            .enforcedAtAppend,
            because: "motherhood.recorded refuses firstChildBirthDate with mother false at append.")
        rules.add(
            "620",
            "Child has been recorded as a mother, but date of birth shows that the mother is under 11 "
                + "years of age.",
            .notYetPorted,
            because: "A girl recorded as a mother before she was 11: judgeable on the stream.")
        rules.add(
            "621",
            "Mother’s field has been completed but date of birth shows that the mother is younger than "
                + "her child.",
            .notYetPorted,
            because: "A first child born before its mother (motherhood.recorded): judgeable on the stream.")
        rules.add(
            "624",
            "Date of birth of the first child contradicts the date of birth of the first child previously"
                + " recorded.",
            .needsPreviousReturn,
            because: "MC_DOB this year against last year's: about two returns.")
        rules.add(
            "625",
            "Date of birth of the first child is beyond the end of this reporting year or the date the "
                + "child ceased to be looked after.",
            .notYetPorted,
            because: "A first child born after the mother's care ended: judgeable on the stream.")
        rules.add(
            "626",
            "Child was reported as a mother but the date of birth of the first child is before the "
                + "current year which contradicts with the mother status recorded last year.",
            .needsPreviousReturn,
            because: "MOTHER and MC_DOB this year against last year's: about two returns.")
        rules.add(
            "628",
            "Motherhood details are not required for care leavers who have not been looked after during "
                + "the year.",
            .writtenByReturn,
            because: "journey return writes MOTHER only for a girl with an episode in the year.")
        rules.add(
            "630",
            "Information on previous permanence option should be returned.",
            .notYetPorted,
            because: "A period of care started in the year with no previous-permanence.recorded (or one lacking LA"
                + " or date): judgeable on the stream.")
        rules.add(
            "631",
            "Previous permanence option not a valid value.",
            .enforcedAtAppend,
            because: "previous-permanence.recorded kind must be P1-P4 or Z1 at append.")
        rules.add(
            "632",
            "Date of previous permanence order not a valid value. NOTE: This rule may result in false "
                + "negatives where the period of care started before the current collection year",
            .notYetPorted,
            because: "orderDate is free text at append: a date that is not one, or on or after care started, is "
                + "judgeable on the stream.")
        rules.add(
            "633",
            "Local authority code where previous permanence option was arranged is not a valid value.",
            .needsReferenceData,
            because: "LA_PERM must be an LA code: needs the list of LA codes.")
        rules.add(
            "634",
            "There are entries for previous permanence options, but child has not started to be looked "
                + "after from 1 April 2016 onwards.",
            .writtenByReturn,
            because: "journey return writes PrevPerm only for children whose period of care started in the year.")
        rules.add(
            "635",
            "There are entries for date of order and local authority code where previous permanence "
                + "option was arranged but previous permanence code is Z1",
            .enforcedAtAppend,
            because: "previous-permanence.recorded requires kind, so LA and date never come without it.")
        rules.add(
            "1000",
            "This child is recorded as having died in care and therefore should not have the care leaver "
                + "information completed.",
            .notYetPorted,
            because: "A care leaver contact for a child whose care ended E2 (died): judgeable on the stream.")
        rules.add(
            "1001",
            "The episodes recorded for this young person suggest they are not a relevant or a former "
                + "relevant child and therefore should not have care leaver information completed.",
            .notYetPorted,
            because: "A care leaver contact for a child who is not a relevant or former relevant child (13 weeks "
                + "in care after 14): judgeable on the stream's whole history.")
        rules.add(
            "1002",
            "This child has no previous episodes of care, therefore should not have care leaver "
                + "information recorded.",
            .notYetPorted,
            because: "care-leaver-contact-without-care tests a contact with no care at all, and names no rule by "
                + "choice (the 903 reads last year's episodes only).")
        rules.add(
            "1003",
            "Date of LA's decision that a child should be placed for adoption is before the child started"
                + " to be looked after.",
            .notYetPorted,
            because: "An adoption decision before the child started to be looked after: judgeable on the stream.")
        rules.add(
            "1004",
            "The start date of the missing episode or episode that the child was away from placement "
                + "without authorisation is not a valid date.",
            .enforcedAtAppend,
            because: "missing.started has a date (occurred), refused at append when it is not a real day.")
        rules.add(
            "1005",
            "The end date of the missing episode or episode that the child was away from placement "
                + "without authorisation is not a valid date.",
            .enforcedAtAppend,
            because: "missing.ended has a date (occurred), refused at append when it is not a real day.")
        rules.add(
            "1006",
            "Missing type invalid.",
            .enforcedAtAppend,
            because: "missing.started requires kind, missing or away (written M or A).")
        rules.add(
            "1007",
            "Care leaver information is not required for 17- or 18-year olds who are still looked after "
                + "[on their 17th or 18th birthday.]",
            .writtenByReturn,
            because: "journey return writes no OC3 row for a 17- or 18-year-old looked after on their latest "
                + "birthday.")
        rules.add(
            "1008",
            "Ofsted Unique Reference Number (URN) is not valid.",
            .needsReferenceData,
            because: "A URN that is not an Ofsted URN: needs Ofsted's list of providers.")
        rules.add(
            "1009",
            "Reason for placement change is not a valid code.",
            .enforcedAtAppend,
            because: "placement.ended reason must be a reason for placement change code at append.")
        rules.add(
            "1010",
            "This child has no episodes loaded for current year even though there was an open episode of "
                + "care at the end of the previous year, and care leaver data has been entered.",
            .needsPreviousReturn,
            because: "Care leaver data with no episodes this year though last year's return ended open: about two "
                + "returns.")
        rules.add(
            "1011",
            "This child is recorded as having his/her care transferred to another local authority for the"
                + " final episode and therefore should not have the care leaver information completed.",
            .notYetPorted,
            because: "A care leaver contact for a child whose last period of care ended E3 (transferred): "
                + "judgeable on the stream.")
        rules.add(
            "1012",
            "No other data should be returned for OC3 children who had no episodes in the current year",
            .writtenByReturn,
            because: "journey return writes PlacedAdoption, Missing, Reviews, AD1, PrevPerm and OC2 only for "
                + "children it returns episodes for.")
        rules.add(
            "1014",
            "UASC information is not required for care leavers",
            .writtenByReturn,
            because: "journey return writes UASC only for children it returns episodes for.")
        rules.add(
            "1015",
            "Placement provider is own provision but child not placed in own LA.",
            .needsReferenceData,
            because: "Own provision (PR1) placed outside the LA: needs the LA of the placement postcode.")
        rules.add(
            "1016",
            "Care leaver information is not required for 17- or 18-year olds who cease to be looked "
                + "after, after their birthday.",
            .writtenByReturn,
            because: "journey return writes no OC3 row for a 17- or 18-year-old looked after on their latest "
                + "birthday, whose care ended after it.")
        rules.add(
            "3001",
            "Where care leavers information is being returned for a young person around their 17th "
                + "birthday, the accommodation cannot be with their former foster carer(s).",
            .notYetPorted,
            because: "A contact around the 17th birthday with accommodation Z1 or Z2 (former foster carers): "
                + "judgeable on the stream.")
        rules.add(
            "EPI",
            "WARNING: Episodes need to be loaded for this child before further validation is possible",
            .writtenByReturn,
            because: "journey return writes a Header row only for a child it returns episodes or a care leaver "
                + "contact for.")
        rules.add(
            "INT01",
            "Data Integrity Check: Child in AD1 does not exist in Header.",
            .writtenByReturn,
            because: "journey return writes AD1 only for children of its Header.")
        rules.add(
            "INT02",
            "Internal Check: Child in PlacedAdoption does not exist in Header.",
            .writtenByReturn,
            because: "journey return writes PlacedAdoption only for children of its Header.")
        rules.add(
            "INT03",
            "Internal Check: Child in Episodes does not exist in Header.",
            .writtenByReturn,
            because: "journey return writes Episodes only for children of its Header.")
        rules.add(
            "INT04",
            "Internal Check: Child in Missing does not exist in Header.",
            .writtenByReturn,
            because: "journey return writes Missing only for children of its Header.")
        rules.add(
            "INT05",
            "Internal Check: Child in OC2 does not exist in Header.",
            .writtenByReturn,
            because: "journey return writes OC2 only for children of its Header.")
        rules.add(
            "INT06",
            "Internal Check: Child in OC3 does not exist in Header.",
            .writtenByReturn,
            because: "journey return writes OC3 only for children of its Header.")
        rules.add(
            "INT07",
            "Internal Check: Child in PrevPerm does not exist in Header.",
            .writtenByReturn,
            because: "journey return writes PrevPerm only for children of its Header.")
        rules.add(
            "INT08",
            "Internal Check: Child in Reviews does not exist in Header.",
            .writtenByReturn,
            because: "journey return writes Reviews only for children of its Header.")
        rules.add(
            "INT09",
            "Internal Check: Child in UASC does not exist in Header.",
            .writtenByReturn,
            because: "journey return writes UASC only for children of its Header.")
        rules.add(
            "INT11",
            "Internal Check: DOB in AD1 is different to DOB in Header.",
            .writtenByReturn,
            because: "The replay keeps one birth date per child, written in every table.")
        rules.add(
            "INT12",
            "Internal Check: DOB in PlacedAdoption is different to DOB in Header.",
            .writtenByReturn,
            because: "The replay keeps one birth date per child, written in every table.")
        rules.add(
            "INT13",
            "Internal Check: DOB in Missing is different to DOB in Header.",
            .writtenByReturn,
            because: "The replay keeps one birth date per child, written in every table.")
        rules.add(
            "INT14",
            "Internal Check: DOB in OC2 is different to DOB in Header.",
            .writtenByReturn,
            because: "The replay keeps one birth date per child, written in every table.")
        rules.add(
            "INT15",
            "Internal Check: DOB in OC3 is different to DOB in Header.",
            .writtenByReturn,
            because: "The replay keeps one birth date per child, written in every table.")
        rules.add(
            "INT16",
            "Internal Check: DOB in PrevPerm is different to DOB in Header.",
            .writtenByReturn,
            because: "The replay keeps one birth date per child, written in every table.")
        rules.add(
            "INT17",
            "Internal Check: DOB in Reviews is different to DOB in Header.",
            .writtenByReturn,
            because: "The replay keeps one birth date per child, written in every table.")
        rules.add(
            "INT18",
            "Internal Check: DOB in UASC is different to DOB in Header.",
            .writtenByReturn,
            because: "The replay keeps one birth date per child, written in every table.")
        rules.add(
            "INT21",
            "Internal Check: SEX in UASC is different to SEX in Header.",
            .writtenByReturn,
            because: "The replay keeps one sex per child, written in every table.")
        rules.add(
            "INT31",
            "Internal Check: Child should only exist once in AD1.",
            .writtenByReturn,
            because: "journey return writes one AD1 row per child.")
        rules.add(
            "INT32",
            "Internal Check: Child should only exist once in Header.",
            .writtenByReturn,
            because: "journey return writes one Header row per child (merged records already joined by the "
                + "replay).")
        rules.add(
            "INT33",
            "Internal Check: Child should only exist once in OC2.",
            .writtenByReturn,
            because: "journey return writes one OC2 row per child.")
        rules.add(
            "INT34",
            "Internal Check: Child should only exist once in OC3.",
            .writtenByReturn,
            because: "journey return writes one OC3 row per child.")
        rules.add(
            "INT35",
            "Internal Check: Child should only exist once in PrevPerm.",
            .writtenByReturn,
            because: "journey return writes one PrevPerm row per child.")
        rules.add(
            "INT36",
            "Internal Check: Child should only exist once in UASC.",
            .writtenByReturn,
            because: "journey return writes one UASC row per child.")
        rules.add(
            "NoE",
            "This child has no episodes loaded for previous year even though child started to be looked "
                + "after before this current year.",
            .needsPreviousReturn,
            because: "An episode starting before the year with no episodes in last year's return: about two "
                + "returns.")
        rules.add(
            "SW02STG1",
            "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
            .notYetPorted,
            because: "worker is free text at append: an id not starting SW or XX is judgeable on the stream.")
        rules.add(
            "SW04STG1",
            "Date social worker episode began is not a valid date..",
            .enforcedAtAppend,
            because: "worker.allocated has a date (occurred), refused at append when it is not a real day.")
        rules.add(
            "SW05STG1",
            "Date social worker episode began is not a valid date.",
            .writtenByReturn,
            because: "journey return ends each social worker episode on the next allocation's date or the day the "
                + "child's involvement ended, always a real day.")
        rules.add(
            "SW06STG2",
            "Social worker episode data should be within the social worker data reporting year.",
            .writtenByReturn,
            because: "journey return as at 31 March writes no allocation after it.")
        rules.add(
            "SW07STG2",
            "Social worker episode end date should be on or after the start of the social worker "
                + "reporting period, and should be on or before the collection end date.",
            .writtenByReturn,
            because: "journey return writes social worker episode ends only within the reporting window.")
        rules.add(
            "SW08STG2",
            "A new social worker episode has started, but the previous episode has not ended.",
            .writtenByReturn,
            because: "journey return ends every social worker episode but the latest: on the next allocation's "
                + "date, or on the day the child's involvement ended when that came first.")
        rules.add(
            "SW09STG2",
            "Social worker episode appears to have lasted for less than 24 hours.",
            .notYetPorted,
            because: "Two allocations less than three days apart: judgeable on the stream.")
        rules.add(
            "SW10STG2",
            "A new social worker episode has started before the end date of the previous social worker "
                + "episode.",
            .writtenByReturn,
            because: "journey return ends each social worker episode on the next allocation's date, or on the day the "
                + "child's involvement ended when that came first: no episode begins before the previous one ends.",
            note: "The validator's code (lac2024_25) is SW10aSTG2's test: a new episode that is not a first contact "
                + "flagged when it begins more than 7 days before or after the previous end.")
        rules.add(
            "SW10aSTG2",
            "A new social worker episode has started and it is not within +/- 7 days of a previous "
                + "episode.",
            .writtenByReturn,
            because: "journey return ends each social worker episode on the next allocation's date, or on the day the "
                + "child's involvement ended (case closed, care ended) when that came first: the only gaps are before "
                + "a new involvement's first worker, a first contact (FCONTA), which the rule leaves aside, as the "
                + "log records it (another reason recorded there is flagged).")
        rules.add(
            "SW10bSTG2",
            "A new social worker episode has started with a reason of first contact before the previous "
                + "episode has ended.",
            .writtenByReturn,
            because: "journey return ends a social worker episode on the day the child's involvement ended (case "
                + "closed, care ended) when that came before the next allocation: a new involvement's first worker, "
                + "a first contact (FCONTA), begins after it (a first contact recorded within an open involvement is "
                + "flagged).")
        rules.add(
            "SW11bSTG2",
            "Social worker episode has ended before 31 March and no subsequent social worker episode has "
                + "been provided.",
            .writtenByReturn,
            because: "journey return ends a social worker episode only where another follows it, leaving the latest "
                + "open.",
            note: "The validator's code flags an episode ending in the last five days of the year even when the "
                + "next episode is given (seen on synthetic councils; docs/dfe-validator-exclusions.csv).")
        rules.add(
            "SW12STG2",
            "If a child is looked after on 31 March then all social worker episodes for the full previous"
                + " year should be reported, even those whilst they were not looked after",
            .writtenByReturn,
            because: "journey return writes every allocation of the year for a child looked after on 31 March.",
            note: "The validator's code flags a social worker episode that began before care started or after it "
                + "ended, which its own message asks to be reported (docs/dfe-validator-exclusions.csv).")
        rules.add(
            "SW13STG1",
            "The reason for social worker change is not valid.",
            .notYetPorted,
            because: "The SW_REASON list is enforced at append (worker-change.recorded), but the event is optional:"
                + " an allocation with no reason recorded is still to check.")
        rules.add(
            "SW17STG2",
            "There is no social worker episode open at 31 March",
            .writtenByReturn,
            because: "journey return leaves the latest allocation open at 31 March.")
        rules.add(
            "SW18STG2",
            "The end date of the social worker episode is before the start date",
            .writtenByReturn,
            because: "journey return ends each social worker episode after its start: on the next allocation of a "
                + "later day or the day the involvement ended, leaving out an allocation whose involvement ended the "
                + "day it began.")
        rules.add(
            "SW19STG2",
            "There are 2 social worker episodes for the child starting on the same date.",
            .writtenByReturn,
            because: "journey return writes one social worker episode a day: the first allocation of the day.")
        return rules.rules
    }()
}
