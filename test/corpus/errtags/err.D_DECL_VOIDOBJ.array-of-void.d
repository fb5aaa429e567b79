/* Fixed-size arrays need an element type with a size. */
void slots[4];

BEGIN
{
	exit(0);
}
