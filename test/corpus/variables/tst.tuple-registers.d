/*
 * An associative array takes at most eight keys: with nine, dtrace's code generator runs out
 * of tuple registers, and says so without a tag or a line.
 */
BEGIN
{
	ok[1, 2, 3, 4, 5, 6, 7, 8] = 1;
	bad[1, 2, 3, 4, 5, 6, 7, 8, 9] = 1;
}
