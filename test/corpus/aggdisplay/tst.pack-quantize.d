/* aggpack: one line per key; the shared range runs one bucket either side of the used ones. */
#pragma D option quiet
#pragma D option aggpack
#pragma D option encoding=ascii
BEGIN
{
	@lat["read"] = quantize(3);
	@lat["read"] = quantize(3);
	@lat["read"] = quantize(9);
	@lat["write"] = quantize(17);
	exit(0);
}
