/* Steps per order of magnitude cannot be fewer than the factor. */
BEGIN
{
	@lat = llquantize(100, 10, 0, 6, 5);
	exit(0);
}
