from django.urls import path

from nablalab.web.catalog import figures, glossary, views

app_name = "catalog"
urlpatterns = [
    path("", views.course_page, name="course"),
    path("modules/<slug:module_slug>/", views.module_page, name="module"),
    path("modules/<slug:module_slug>/lessons/<slug:lesson_slug>/", views.lesson_page,
         name="lesson"),
    path("modules/<slug:module_slug>/activities/<slug:item_slug>/", views.item_page,
         name="item"),
    path("modules/<slug:module_slug>/figures/<str:name>", figures.figure, name="figure"),
    path("glossary/", glossary.glossary_page, name="glossary"),
]
