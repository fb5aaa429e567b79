#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s]\n", cleanpath("/a//b/./c/../d"), cleanpath("/a/b/../../c"),
	    cleanpath("/x/y"));
	exit(0);
}
