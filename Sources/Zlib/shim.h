// zlib, the system's: the workbooks' deflate and the zip's CRC-32 (`JourneyWorkbook`'s `DeflatedPiece`).
#include <zlib.h>
