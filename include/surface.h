/* surface.h - the functions of two variables the right panel descends:
 * the bowl x^2+y^2, the stretched bowl x^2+kappa*y^2, Rosenbrock's banana
 * valley, the saddle x^2-y^2 and two Gaussian wells. Each has its value,
 * its gradient (by hand, checked against finite differences), a
 * documented start, a view and, where known, its minimum. Pure. */
#ifndef DESCENT_SURFACE_H
#define DESCENT_SURFACE_H

#include <stdbool.h>
#include <stddef.h>

enum surface_kind {
    SURFACE_BOWL, SURFACE_STRETCHED, SURFACE_ROSENBROCK, SURFACE_SADDLE,
    SURFACE_WELLS, SURFACE_COUNT
};

/* A surface: its kind and the stretched bowl's kappa (> 0). */
struct surface {
    enum surface_kind kind;
    double kappa;
};

/* The wells' minima on the x axis: the global one and the shallow one
 * (Newton's method on df/dx = 0, y = 0, to double precision). */
#define SURFACE_WELLS_GLOBAL_X (-0.96757744645545966)
#define SURFACE_WELLS_GLOBAL_F (-5.032339968658436)
#define SURFACE_WELLS_LOCAL_X 0.90531786060084818

/* f(x, y). */
double surface_f(const struct surface *s, double x, double y);
/* The gradient of f at (x, y) into gx, gy. */
void surface_gradient(const struct surface *s, double x, double y, double *gx,
                      double *gy);
/* The documented start (README: "Surfaces"). */
void surface_start(enum surface_kind k, double *x, double *y);
/* The smallest value of f and where, when known (false for the saddle,
 * which has none). */
bool surface_minimum(const struct surface *s, double *f, double *x, double *y);
/* The region the contour view shows: a fixed box, or (bowl, stretched,
 * saddle) a square 1.3 times the start's larger coordinate each way. */
void surface_view(const struct surface *s, double start_x, double start_y,
                  double *x0, double *x1, double *y0, double *y1);

/* "bowl", "stretched", ... */
const char *surface_name(enum surface_kind k);
/* The formula as the panel's title writes it (UTF-8 or ASCII); the
 * stretched bowl's names kappa's value. Returns buf. */
const char *surface_title(const struct surface *s, bool utf8, char *buf,
                          size_t size);
/* The kind called name; false when none is. */
bool surface_parse(const char *name, enum surface_kind *k);
/* "bowl, stretched, rosenbrock, saddle, wells". */
const char *surface_names(void);

#endif
