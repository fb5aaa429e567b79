#pragma D option quiet
BEGIN
{
	printf("%d %d %d %d %u\n", (char)257, (short)65537, (int)4294967297, (char)-1,
	    (unsigned int)-1);
	exit(0);
}
