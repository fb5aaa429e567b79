/* A precision of zero, written or passed with *, is dropped from the format: whole strings. */
#pragma D option quiet
BEGIN
{
	n = 0;
	printf("[%.0s] [%.*s] [%.*s] [%*.*s]\n", "abcdef", n, "abcdef", n + 2, "abcdef", n - 4, n + 1, "xyz");
	printf("[%.0d] [%.*d]\n", 0, n, 7);
	exit(0);
}
