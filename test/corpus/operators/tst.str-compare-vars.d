#pragma D option quiet
BEGIN
{
	s = "foo";
	t = strjoin("fo", "o");
	printf("%d %d %d\n", s == t, s < "fop", s > "fo");
	exit(0);
}
