/* aggzoom scales the largest bucket to 95% of the bar; encoding=utf8 draws eighth blocks. */
#pragma D option quiet
#pragma D option aggzoom
#pragma D option encoding=utf8
BEGIN
{
	@d = lquantize(1, 0, 3, 1, 5);
	@d = lquantize(2, 0, 3, 1, 18);
	@d = lquantize(3, 0, 3, 1, 2);
	exit(0);
}
