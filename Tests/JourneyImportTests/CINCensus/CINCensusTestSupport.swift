/// A hand-built CIN census return: the header of the DfE layout around the children given.
func cinReturn(referenceDate: String, dateTime: String, children: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <Message>
      <Header>
        <CollectionDetails>
          <Collection>CIN</Collection>
          <Year>\(referenceDate.prefix(4))</Year>
          <ReferenceDate>\(referenceDate)</ReferenceDate>
        </CollectionDetails>
        <Source>
          <SourceLevel>L</SourceLevel>
          <LEA>201</LEA>
          <SoftwareCode>test</SoftwareCode>
          <Release>1</Release>
          <SerialNo>001</SerialNo>
          <DateTime>\(dateTime)</DateTime>
        </Source>
      </Header>
      <Children>
    \(children)
      </Children>
    </Message>
    """
}
