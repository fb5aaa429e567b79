/*
 * %e %f %g take float and double objects: a declared one is zero, and one read from memory
 * prints the number its bits encode.
 */
#pragma D option quiet

double zero;

BEGIN
{
	this->d = (uint64_t *)alloca(sizeof (uint64_t));
	*this->d = 0x3ff8000000000000;
	this->f = (uint32_t *)alloca(sizeof (uint32_t));
	*this->f = 0xc0490fdb;
	printf("%f %e %g\n", zero, zero, zero);
	printf("%f %.2e %G\n", *(double *)this->d, *(double *)this->d, *(double *)this->d);
	printf("%.4f %10.3g|\n", *(float *)this->f, *(float *)this->f);
	exit(0);
}
