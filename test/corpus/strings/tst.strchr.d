#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s] [%s]\n", strchr("hello", 'l'), strrchr("hello", 'l'),
	    strchr("a/b/c", '/'), strrchr("a/b/c", '/'));
	exit(0);
}
