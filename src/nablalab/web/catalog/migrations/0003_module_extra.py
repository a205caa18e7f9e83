from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0002_lab_widgets'),
    ]

    operations = [
        migrations.AddField(
            model_name='module',
            name='extra',
            field=models.BooleanField(default=False),
        ),
    ]
