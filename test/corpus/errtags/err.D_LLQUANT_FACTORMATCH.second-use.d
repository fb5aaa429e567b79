/* Every use of one llquantize() aggregation must give the same factor. */
BEGIN
{
	@lat = llquantize(100, 10, 0, 6, 20);
	@lat = llquantize(100, 2, 0, 6, 4);
	exit(0);
}
