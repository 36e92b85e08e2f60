// CRC-32C by the processor's own instruction (SSE 4.2 on x86-64, the CRC extension on 64-bit Arm), for the
// checksum on every stored record. Swift cannot name the instruction, so it is written in C.
#ifndef CRC32C_INSTRUCTION_H
#define CRC32C_INSTRUCTION_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the instruction: if not, `journey_crc32c_update` must not be called.
int journey_crc32c_is_available(void);

/// Updates a CRC-32C register (already inverted, as the algorithm keeps it) with `count` bytes.
uint32_t journey_crc32c_update(uint32_t crc, const void *bytes, size_t count);

#endif
