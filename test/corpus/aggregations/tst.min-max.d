#pragma D option quiet
BEGIN
{
	@mn = min(5); @mn = min(-3); @mn = min(9);
	@mx = max(5); @mx = max(-3); @mx = max(9);
	exit(0);
}
