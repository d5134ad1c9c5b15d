/*
 * A stand-in for Windows' bcryptprimitives.dll, for running the tests under
 * Wine 8 only. Rust's standard library asks that DLL for ProcessPrng (the
 * system's random numbers, used by HashMap); Windows 10+ has it, Wine 8 does
 * not. RtlGenRandom (advapi32!SystemFunction036) gives the same service.
 *
 * kenesh.exe as shipped never needs this file: real Windows has the DLL.
 * Built by scripts/wine/build-stub.sh.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes at most a ULONG per call. */
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
