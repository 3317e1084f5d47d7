"""The intervention pages: catalogue (public), employer, employee (by link) and care provider."""
