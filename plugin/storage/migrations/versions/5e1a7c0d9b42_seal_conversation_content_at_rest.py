"""seal conversation content at rest: content columns become text/binary holding Fernet tokens,
and every existing row is encrypted in place under the current key of MUS_DATA_KEYS

Revision ID: 5e1a7c0d9b42
Revises: b0a495229084
Create Date: 2026-12-07 14:20:00.000000

"""
from alembic import op
import sqlalchemy as sa

from plugin.storage import sealed

# revision identifiers, used by Alembic.
revision = '5e1a7c0d9b42'
down_revision = 'b0a495229084'
branch_labels = None
depends_on = None

# Columns whose type changes: sealed values are longer than the old limits, and JSON is now text.
RETYPED = [
    ('conversations', 'title', sa.String(length=200), False),
    ('agenda_items', 'title', sa.JSON(), False),
    ('goals', 'title', sa.String(length=300), False),
    ('development_actions', 'title', sa.String(length=300), False),
    ('follow_ups', 'title', sa.String(length=300), False),
    ('agreement_versions', 'snapshot', sa.JSON(), False),
    ('live_events', 'data', sa.JSON(), False),
    ('idempotency_records', 'response', sa.JSON(), True),
]

# Every sealed column at this revision (table, primary key, column, binary).
SEALED = [
    sealed.SealedColumn(*spec)
    for spec in (
        ('conversations', 'id', 'title', False),
        ('idempotency_records', 'id', 'response', False),
        ('agenda_items', 'id', 'title', False),
        ('agenda_items', 'id', 'notes', False),
        ('agreement_versions', 'id', 'snapshot', False),
        ('feedback_entries', 'id', 'text', False),
        ('follow_ups', 'id', 'title', False),
        ('goals', 'id', 'title', False),
        ('goals', 'id', 'specific', False),
        ('goals', 'id', 'measure', False),
        ('goals', 'id', 'achievable', False),
        ('goals', 'id', 'relevance', False),
        ('live_events', 'id', 'data', False),
        ('wellbeing_pulses', 'id', 'comment', False),
        ('agenda_summaries', 'id', 'text', False),
        ('agreement_decisions', 'id', 'comment', False),
        ('development_actions', 'id', 'title', False),
        ('development_actions', 'id', 'resources', False),
        ('goal_changes', 'id', 'old_value', False),
        ('goal_changes', 'id', 'new_value', False),
        ('goal_progress', 'id', 'note', False),
        ('note_documents', 'agenda_item_id', 'state', True),
        ('preparation_items', 'id', 'text', False),
        ('talking_points', 'id', 'text', False),
    )
]


def upgrade():
    for table, name, old_type, nullable in RETYPED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(name, existing_type=old_type, type_=sa.Text(), existing_nullable=nullable)
    conn = op.get_bind()
    for column in SEALED:
        sealed.reseal(conn, column)


def downgrade():
    conn = op.get_bind()
    for column in SEALED:
        sealed.unseal(conn, column)
    postgres = conn.dialect.name == 'postgresql'
    for table, name, old_type, nullable in RETYPED:
        using = {}
        if postgres and isinstance(old_type, sa.JSON):
            using = {'postgresql_using': f'{name}::json'}
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                name, existing_type=sa.Text(), type_=old_type, existing_nullable=nullable, **using
            )
