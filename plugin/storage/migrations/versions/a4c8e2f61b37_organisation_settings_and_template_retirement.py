"""organisation settings (one row per tenant) and editable, retirable organisation templates

Revision ID: a4c8e2f61b37
Revises: a3c5e7f9b1d2
Create Date: 2026-12-07 17:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import plugin.storage.types


# revision identifiers, used by Alembic.
revision = 'a4c8e2f61b37'
down_revision = "a3c5e7f9b1d2"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('org_settings',
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('mus_interval_months', sa.Integer(), nullable=False),
    sa.Column('checkin_interval_weeks', sa.Integer(), nullable=True),
    sa.Column('reminder_lead_days', sa.Integer(), nullable=False),
    sa.Column('agreement_retention_months', sa.Integer(), nullable=True),
    sa.Column('notes_retention_days', sa.Integer(), nullable=False),
    sa.Column('default_mus_template', sa.String(length=64), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_org_settings_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['people.id'], name=op.f('fk_org_settings_updated_by_id_people')),
    sa.PrimaryKeyConstraint('tenant_id', name=op.f('pk_org_settings'))
    )
    with op.batch_alter_table('org_templates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retired_at', plugin.storage.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('updated_at', plugin.storage.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade():
    with op.batch_alter_table('org_templates', schema=None) as batch_op:
        batch_op.drop_column('version')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('retired_at')
    op.drop_table('org_settings')
