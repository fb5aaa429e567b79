#pragma D option quiet
BEGIN
{
	@a["x"] = sum(1); @a["y"] = sum(2); @a["z"] = sum(3);
	@b["y"] = sum(5);
	printa("%-4s %@3d %@3d\n", @a, @b);
	exit(0);
}
