/*
 * Under -C the system headers are illumos's: flag values from <sys/mman.h> and <sys/file.h>,
 * the byte-order macros, and the ISA macros of an LP64 x86 kernel.
 */
#pragma D option quiet
#include <sys/mman.h>
#include <sys/file.h>
#include <sys/byteorder.h>

BEGIN
{
	printf("%x %x %x %x\n", MAP_ANON, MAP_ALIGN | MAP_FIXED, PROT_READ | PROT_EXEC, FREAD | FWRITE | FNONBLOCK);
#if defined(_LITTLE_ENDIAN) && defined(_LP64) && !defined(_BIG_ENDIAN)
	printf("little-endian lp64 %x\n", BSWAP_16(0xabcd));
#else
	printf("other\n");
#endif
	exit(0);
}
