#pragma D option quiet
#pragma D option aggsortpos=1
BEGIN
{
	@a["x"] = sum(1); @b["x"] = sum(5);
	@a["y"] = sum(2); @b["y"] = sum(3);
	printa("%s %@d %@d\n", @a, @b);
	exit(0);
}
