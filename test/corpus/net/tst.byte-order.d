/*
 * The byte-order subroutines swap bytes on this little-endian system, keep only the bytes of
 * their width, and undo themselves.
 */
#pragma D option quiet

BEGIN
{
	printf("%x %x %x\n", htons(0xabcd), htonl(0x01020304), htonll(0x0102030405060708));
	printf("%x %x\n", htons(0x123456), ntohl(htonl(0xdeadbeef)));
	printf("%d %d\n", sizeof (htons(1)), sizeof (ntohl(1)));
	exit(0);
}
