#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s] [%s]\n", lltostr(0), lltostr(-42), lltostr(9223372036854775807),
	    lltostr(-9223372036854775807 - 1));
	exit(0);
}
