#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s] [%s] [%s]\n", basename("/usr/lib/libc.so"), basename("/usr/"),
	    basename("/"), basename("foo"), basename("a//b"));
	exit(0);
}
