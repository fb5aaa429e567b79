/* Enumerators count up from the last value; an enumerator may name an earlier one. */
#pragma D option quiet

enum level {
	LOW,
	MID = 4 * 2,
	HIGH,
	TOP = HIGH + MID,
	BACK = -5,
	NEXT
};
enum level lv;

BEGIN
{
	lv = HIGH;
	printf("%d %d %d %d %d %d %d %d\n", LOW, MID, HIGH, TOP, BACK, NEXT, lv, sizeof (lv));
	exit(0);
}
