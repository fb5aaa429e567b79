#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s]\n", toupper("Hello, World 1"), tolower("MiXeD-Case"), toupper(""));
	exit(0);
}
