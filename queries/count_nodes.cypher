// How many nodes of each kind the graph holds.
// @example {}
RETURN COUNT { (:Person) } AS Person, COUNT { (:State) } AS State, COUNT { (:Organisation) } AS Organisation,
       COUNT { (:Meeting) } AS Meeting, COUNT { (:Place) } AS Place, COUNT { (:Sector) } AS Sector,
       COUNT { (:Article) } AS Article
