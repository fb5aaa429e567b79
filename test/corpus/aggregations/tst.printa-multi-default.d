#pragma D option quiet
BEGIN
{
	@a["x"] = sum(1); @a["y"] = sum(2);
	@b["x"] = sum(10); @b["y"] = sum(20);
	printa(@a, @b);
	exit(0);
}
