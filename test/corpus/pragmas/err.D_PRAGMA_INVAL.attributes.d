#pragma D attributes Rocksolid/Stable/Common limit
inline int limit = 3;

BEGIN
{
	exit(0);
}
