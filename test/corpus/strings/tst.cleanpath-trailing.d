#pragma D option quiet

BEGIN
{
	printf("%s|%s|%s|%s\n", cleanpath("/zones//z1/./root/"), cleanpath("/zones/z1/../z2/."), cleanpath("/zones/z1/.."), cleanpath("tmp/../../x"));
	exit(0);
}
