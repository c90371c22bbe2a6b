#ifndef VANTAGE_COPENBLAS_SHIM_H
#define VANTAGE_COPENBLAS_SHIM_H

#include <cblas.h>

/* OpenBLAS ships LAPACK inside libopenblas; Debian installs no lapacke.h beside it,
   so the Fortran entry points used by Vantage are declared here (column-major, by reference). */
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n, double *a, const int *lda,
             double *s, double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *info);
void dgelss_(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b,
             const int *ldb, double *s, const double *rcond, int *rank, double *work, const int *lwork,
             int *info);

#endif
