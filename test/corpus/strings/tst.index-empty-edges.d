/* An empty substring is found at the end when index() starts past it, at 0 when rindex() starts before 0. */
#pragma D option quiet
BEGIN
{
	printf("%d %d %d\n", index("zones", "", 5), index("zones", "", 99), index("zones", "s", 9));
	printf("%d %d\n", rindex("zones", "", -3), rindex("zones", "z", -3));
	exit(0);
}
