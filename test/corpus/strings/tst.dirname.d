#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s] [%s] [%s]\n", dirname("/usr/lib/libc.so"), dirname("/usr/"),
	    dirname("/"), dirname("foo"), dirname("a//b"));
	exit(0);
}
