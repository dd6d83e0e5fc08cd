# ok: python.django.debug-enabled
DEBUG = True
